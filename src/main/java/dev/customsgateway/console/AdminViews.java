package dev.customsgateway.console;

import dev.customsgateway.core.MerchantApiKeys;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The HTML of the administrators' pages, and the merchant facts they show (read from {@code merchant}). */
@Component
class AdminViews {

    private final JdbcClient jdbc;

    AdminViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean merchantExists(String id) {
        return id != null && !id.isEmpty()
                && jdbc.sql("select count(*) from merchant where id = ?").param(id).query(Integer.class).single() > 0;
    }

    String users(ConsoleSession session, List<ConsoleUser> users, String problem, String notice) {
        StringBuilder html = new StringBuilder("<h1>Console users</h1>");
        if (problem != null) {
            html.append("<p class=\"error\" id=\"problem\">").append(Html.esc(problem)).append("</p>");
        }
        if (notice != null) {
            html.append(notice); // built by the caller from escaped values
        }
        html.append("<table id=\"users\"><tr><th>Username</th><th>Role</th><th>Merchant</th><th>Enabled</th>"
                + "<th>Created</th><th>Last login</th><th>Change</th></tr>");
        for (ConsoleUser u : users) {
            String base = "/console/admin/users/" + Html.segment(u.username());
            html.append("<tr><td>").append(Html.esc(u.username())).append("</td><td>")
                    .append(Html.esc(u.role().name().toLowerCase())).append("</td><td>").append(Html.esc(u.merchantId()))
                    .append("</td><td>").append(u.enabled() ? "yes" : "no").append("</td><td>")
                    .append(Html.esc(u.createdAt())).append(" by ").append(Html.esc(u.createdBy())).append("</td><td>")
                    .append(Html.esc(u.lastLoginAt())).append("</td><td><form method=\"post\" action=\"").append(base)
                    .append("/enabled\">").append(Page.csrf(session)).append("<input type=\"hidden\" name=\"enabled\" value=\"")
                    .append(!u.enabled()).append("\"><button type=\"submit\">").append(u.enabled() ? "Disable" : "Enable")
                    .append("</button></form><form method=\"post\" action=\"").append(base).append("/role\">")
                    .append(Page.csrf(session)).append(roleSelect()).append(merchantSelect())
                    .append("<button type=\"submit\">Change role</button></form></td></tr>");
        }
        html.append("</table><h2>New user</h2><form method=\"post\" action=\"/console/admin/users\" id=\"new-user\">")
                .append(Page.csrf(session))
                .append("<p><label>Username <input name=\"username\" id=\"new-username\" required></label></p><p>")
                .append(roleSelect()).append(" ").append(merchantSelect())
                .append("</p><p><button type=\"submit\" id=\"create-user\">Create (a password is generated and shown"
                        + " once)</button></p></form>");
        return html.toString();
    }

    String merchants() {
        StringBuilder html = new StringBuilder("<h1>Merchants</h1><table id=\"merchants\"><tr><th>Id</th><th>Name</th>"
                + "<th>Role</th><th>Direction</th><th>Mapping profile</th><th>Signature profile</th><th>Key alias</th>"
                + "<th>Enabled</th><th>API keys</th></tr>");
        jdbc.sql("""
                select id, display_name, role, trade_direction, mapping_profile, signature_profile, signing_key_alias,
                    enabled from merchant order by id""")
                .query((rs, n) -> {
                    html.append("<tr>");
                    for (int i = 1; i <= 7; i++) {
                        html.append("<td>").append(Html.esc(rs.getString(i))).append("</td>");
                    }
                    return html.append("<td>").append(rs.getBoolean(8) ? "yes" : "no").append("</td><td><a href=\"")
                            .append("/console/admin/merchants/").append(Html.segment(rs.getString(1)))
                            .append("/keys\">keys</a></td></tr>");
                }).list();
        return html.append("</table>").toString();
    }

    String keys(ConsoleSession session, String merchant, List<MerchantApiKeys.Key> keys, String notice) {
        String base = "/console/admin/merchants/" + Html.segment(merchant) + "/keys";
        StringBuilder html = new StringBuilder("<h1>API keys of ").append(Html.esc(merchant)).append("</h1>");
        if (notice != null) {
            html.append(notice); // built by the caller from escaped values
        }
        html.append("<table id=\"keys\"><tr><th>Prefix</th><th>Label</th><th>Issued</th><th>Revoked</th><th></th></tr>");
        for (MerchantApiKeys.Key k : keys) {
            html.append("<tr><td><code>").append(Html.esc(k.prefix())).append("…</code></td><td>")
                    .append(Html.esc(k.label())).append("</td><td>").append(Html.esc(k.createdAt())).append("</td><td>")
                    .append(Html.esc(k.revokedAt())).append("</td><td>");
            if (k.revokedAt() == null) {
                html.append("<form method=\"post\" action=\"").append(base).append("/").append(Html.segment(k.id()))
                        .append("/revoke\">").append(Page.csrf(session))
                        .append("<button type=\"submit\">Revoke</button></form>");
            }
            html.append("</td></tr>");
        }
        return html.append("</table><h2>Issue a key</h2><form method=\"post\" action=\"").append(base)
                .append("\" id=\"issue-key\">").append(Page.csrf(session))
                .append("<label>Label <input name=\"label\" maxlength=\"100\"></label> <button type=\"submit\""
                        + " id=\"issue\">Issue (shown once)</button></form>").toString();
    }

    private static String roleSelect() {
        StringBuilder html = new StringBuilder("<select name=\"role\">");
        for (ConsoleRole r : ConsoleRole.values()) {
            html.append("<option value=\"").append(r.name()).append("\">").append(r.name().toLowerCase())
                    .append("</option>");
        }
        return html.append("</select>").toString();
    }

    private String merchantSelect() {
        StringBuilder html = new StringBuilder("<select name=\"merchant\"><option value=\"\">(merchant users only)</option>");
        for (String id : jdbc.sql("select id from merchant order by id").query(String.class).list()) {
            html.append("<option value=\"").append(Html.esc(id)).append("\">").append(Html.esc(id)).append("</option>");
        }
        return html.append("</select>").toString();
    }
}
