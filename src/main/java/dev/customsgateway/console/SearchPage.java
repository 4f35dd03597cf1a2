package dev.customsgateway.console;

import dev.customsgateway.audit.BusinessKeyIndex;
import dev.customsgateway.audit.MessageFilter;
import dev.customsgateway.audit.MessageQueries;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The search page: messages by business key (orderNo, logisticsNo, guid, invtNo, LRN, ...), merchant, delivery
 * status, customs receipt code and date range. Lists show the buyer masked and nothing else personal. A merchant
 * user searches its own messages only, whatever the form says.
 */
@Controller
@ResponseBody
class SearchPage {

    private static final List<String> STATES = MessageFilter.STATES;
    /** The newest this many are listed; older ones need a narrower search. */
    static final int PAGE = 200;

    private final MessageQueries messages;
    private final BusinessKeyIndex index;
    private final ConsoleAccess access;

    SearchPage(MessageQueries messages, BusinessKeyIndex index, ConsoleAccess access) {
        this.messages = messages;
        this.index = index;
        this.access = access;
    }

    @GetMapping("/console/search")
    ResponseEntity<String> search(HttpServletRequest request,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce,
            @RequestParam(required = false) String key, @RequestParam(required = false) String merchant,
            @RequestParam(required = false) String status, @RequestParam(required = false) String receipt,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        String error = null;
        LocalDate fromDate = null;
        LocalDate toDate = null;
        try {
            fromDate = date(from);
            toDate = date(to);
        } catch (DateTimeParseException e) {
            error = "Dates are YYYY-MM-DD.";
        }
        String scope = session.role() == ConsoleRole.MERCHANT ? session.merchantId() : blankToNull(merchant);
        MessageFilter filter = new MessageFilter(clip(blankToNull(key)), scope, status != null
                && STATES.contains(status) ? status : null, clip(blankToNull(receipt)), fromDate, toDate);
        index.catchUp();
        List<MessageQueries.MessageRow> rows = error == null ? messages.search(filter, PAGE, 0) : List.of();
        access.record(session, ConsoleAction.SEARCHED, filter.describe(), request.getRemoteAddr());
        return Page.of("Search", session, nonce, form(session, filter, from, to)
                + (error == null ? "" : "<p class=\"error\">" + Html.esc(error) + "</p>") + results(rows));
    }

    private String form(ConsoleSession session, MessageFilter f, String from, String to) {
        StringBuilder html = new StringBuilder("<h1>Messages</h1><form class=\"filters\" method=\"get\""
                + " action=\"/console/search\" id=\"search-form\">");
        html.append(field("Business key (orderNo, logisticsNo, guid, invtNo, LRN …)", "key", f.key()));
        if (session.role() == ConsoleRole.AUDITOR) {
            html.append("<label>Merchant<select name=\"merchant\" id=\"merchant\"><option value=\"\">all</option>");
            for (String id : messages.merchantIds()) {
                html.append("<option").append(id.equals(f.merchant()) ? " selected" : "").append(" value=\"")
                        .append(Html.esc(id)).append("\">").append(Html.esc(id)).append("</option>");
            }
            html.append("</select></label>");
        }
        html.append("<label>Delivery status<select name=\"status\" id=\"status\"><option value=\"\">any</option>");
        for (String s : STATES) {
            html.append("<option").append(s.equals(f.status()) ? " selected" : "").append(">").append(s)
                    .append("</option>");
        }
        html.append("</select></label>").append(field("Receipt code", "receipt", f.receiptCode()))
                .append(field("From (YYYY-MM-DD)", "from", from)).append(field("To", "to", to))
                .append("<button type=\"submit\" id=\"search\">Search</button></form>");
        return html.toString();
    }

    private static String results(List<MessageQueries.MessageRow> rows) {
        if (rows.isEmpty()) {
            return "<p class=\"muted\" id=\"no-results\">No messages match.</p>";
        }
        StringBuilder html = new StringBuilder("<table id=\"results\"><tr><th>Created (UTC)</th><th>Merchant</th>"
                + "<th>Type</th><th>Order</th><th>Buyer</th><th>Delivery</th><th>Customs</th><th>guid</th></tr>");
        for (MessageQueries.MessageRow r : rows) {
            html.append("<tr class=\"message\"><td>").append(Html.esc(r.createdAt())).append("</td><td>")
                    .append(Html.esc(r.merchantId())).append("</td><td>").append(Html.esc(r.messageType()))
                    .append("</td><td>").append(Html.esc(r.orderNo())).append("</td><td>")
                    .append(Html.esc(r.buyerMasked())).append("</td><td>").append(Html.esc(r.state()))
                    .append("</td><td>").append(Html.esc(r.customsStatus())).append("</td><td><a href=\"/console/messages/")
                    .append(Html.segment(r.guid())).append("\">").append(Html.esc(r.guid())).append("</a></td></tr>");
        }
        html.append("</table>");
        if (rows.size() == PAGE) {
            html.append("<p class=\"muted\">The newest ").append(PAGE)
                    .append(" are shown; narrow the search for older ones.</p>");
        }
        return html.toString();
    }

    private static String field(String label, String name, String value) {
        return "<label>" + Html.esc(label) + "<input name=\"" + name + "\" id=\"" + name + "\" value=\""
                + Html.esc(value) + "\"></label>";
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String clip(String value) {
        return value == null || value.length() <= 100 ? value : value.substring(0, 100);
    }
}
