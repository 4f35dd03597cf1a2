package dev.customsgateway.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

/** For auditors: the console's access log, newest first (who viewed, exported or changed what, and when). */
@Controller
@ResponseBody
class AccessLogPage {

    private final ConsoleAccess access;

    AccessLogPage(ConsoleAccess access) {
        this.access = access;
    }

    @GetMapping("/console/access")
    ResponseEntity<String> accessLog(HttpServletRequest request,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) {
        access.record(session, ConsoleAction.VIEWED_ACCESS_LOG, null, request.getRemoteAddr());
        StringBuilder html = new StringBuilder("<h1>Console access log</h1><table id=\"access\"><tr><th>At (UTC)</th>"
                + "<th>User</th><th>Role</th><th>Action</th><th>What</th><th>Address</th></tr>");
        for (ConsoleAccess.Entry e : access.recent(500)) {
            html.append("<tr><td>").append(Html.esc(e.at())).append("</td><td>").append(Html.esc(e.username()))
                    .append("</td><td>").append(Html.esc(e.role())).append("</td><td>").append(Html.esc(e.action()))
                    .append("</td><td>").append(Html.esc(e.target())).append("</td><td>").append(Html.esc(e.address()))
                    .append("</td></tr>");
        }
        return Page.of("Access log", session, nonce, html.append("</table>").toString());
    }
}
