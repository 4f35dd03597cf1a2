package dev.customsgateway.console;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The console's page frame: one inline style sheet (allowed by the response's CSP nonce), no scripts, no assets
 * from anywhere else (the console works offline). Bodies are built by the pages with every value escaped
 * ({@link Html#esc}).
 */
final class Page {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
            header{background:#1f3a5f;color:#fff;padding:.6em 1.2em;display:flex;gap:1.2em;align-items:center}
            header a{color:#fff;text-decoration:none}header .who{margin-left:auto;font-size:.9em}
            header form{display:inline}header button{background:none;border:1px solid #fff;color:#fff;cursor:pointer}
            main{padding:1em 1.2em;max-width:80em}
            table{border-collapse:collapse;background:#fff;width:100%;margin:.5em 0 1.2em}
            th,td{border:1px solid #d0d7de;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.92em}
            th{background:#eef1f4}
            pre{background:#fff;border:1px solid #d0d7de;padding:.8em;overflow:auto;font-size:.85em;max-height:40em}
            .error{color:#a40e26}.ok{color:#116329}.muted{color:#57606a}
            form.filters{display:flex;flex-wrap:wrap;gap:.6em;align-items:end;margin-bottom:1em}
            form.filters label{display:flex;flex-direction:column;font-size:.85em}
            .secret{font-family:monospace;background:#fff8c5;padding:.3em .5em;border:1px solid #d4a72c}
            svg text{font-size:11px;font-family:sans-serif}
            """;

    private Page() {
    }

    /** A page of a logged-in user: navigation for the role, logout. */
    static ResponseEntity<String> of(String title, ConsoleSession session, String nonce, String body) {
        return html(render(title, nonce, header(session), body));
    }

    static ResponseEntity<String> html(String page) {
        return ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(page);
    }

    static ResponseEntity<String> status(int status, String title, ConsoleSession session, String nonce, String body) {
        return ResponseEntity.status(status)
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(render(title, nonce, header(session), body));
    }

    /** A page without navigation (login, refusals). */
    static String bare(String title, String nonce, String body) {
        return render(title, nonce, "<header><strong>Customs Gateway console</strong></header>", body);
    }

    private static String render(String title, String nonce, String header, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.esc(title)
                + " · Customs Gateway</title><style nonce=\"" + Html.esc(nonce) + "\">" + STYLE + "</style></head><body>"
                + header + "<main>" + body + "</main></body></html>";
    }

    private static String header(ConsoleSession s) {
        StringBuilder nav = new StringBuilder("<header><strong>Customs Gateway</strong>");
        if (s.role().readsMessages()) {
            nav.append("<a href=\"/console/search\">Search</a><a href=\"/console/dashboard\">Dashboard</a>");
        }
        if (s.role() == ConsoleRole.AUDITOR) {
            nav.append("<a href=\"/console/access\">Access log</a>");
        }
        if (s.role() == ConsoleRole.ADMINISTRATOR) {
            nav.append("<a href=\"/console/admin/users\">Users</a><a href=\"/console/admin/merchants\">Merchants</a>");
        }
        nav.append("<span class=\"who\" id=\"who\">").append(Html.esc(s.username())).append(" (")
                .append(Html.esc(s.role().name().toLowerCase()))
                .append(s.merchantId() == null ? "" : ", merchant " + Html.esc(s.merchantId())).append(")</span>")
                .append("<form method=\"post\" action=\"/console/logout\">").append(csrf(s))
                .append("<button type=\"submit\" id=\"logout\">Log out</button></form></header>");
        return nav.toString();
    }

    /** The hidden CSRF field every form of a session carries. */
    static String csrf(ConsoleSession s) {
        return "<input type=\"hidden\" name=\"" + ConsoleFilter.CSRF_PARAMETER + "\" value=\"" + Html.esc(s.csrfToken())
                + "\">";
    }
}
