package dev.customsgateway.console;

import dev.customsgateway.audit.MessageQueries;
import java.util.List;

/** The HTML of a message page: summary, business keys, customs answers in words, and the log timeline. */
final class MessageView {

    private MessageView() {
    }

    static String render(MessageQueries.MessageDetail m, List<MessageQueries.BusinessKey> keys,
            List<MessageQueries.TimelineEntry> timeline, List<MessageQueries.Receipt> receipts, boolean auditor) {
        String base = "/console/messages/" + Html.segment(m.guid());
        StringBuilder html = new StringBuilder("<h1>Message <span id=\"guid\">").append(Html.esc(m.guid()))
                .append("</span></h1><table><tr><th>Merchant</th><td id=\"merchant\">").append(Html.esc(m.merchantId()))
                .append("</td><th>Type</th><td>").append(Html.esc(m.messageType()))
                .append("</td><th>Order</th><td>").append(Html.esc(m.orderNo()))
                .append("</td></tr><tr><th>Delivery</th><td>").append(Html.esc(m.state())).append(", ")
                .append(m.attempts()).append(" attempt(s) to ").append(Html.esc(m.destination()))
                .append(m.lastError() == null ? "" : "; last error: " + Html.esc(m.lastError()))
                .append("</td><th>Created</th><td>").append(Html.esc(m.createdAt()))
                .append("</td><th>Submission</th><td>").append(Html.esc(m.submissionId())).append("</td></tr></table>");
        html.append("<p><a href=\"").append(base).append("/artefacts/").append(Html.esc(m.contentSha256()))
                .append("\" id=\"signed-xml\">Signed XML as delivered</a>");
        if (auditor) {
            html.append(" · <a href=\"").append(base).append("/evidence\" id=\"evidence\">Evidence bundle (zip)</a>");
        }
        html.append("</p>");
        if (!keys.isEmpty()) {
            html.append("<h2>Business keys</h2><table><tr><th>Key</th><th>Value</th></tr>");
            keys.forEach(k -> html.append("<tr><td>").append(Html.esc(k.name())).append("</td><td>")
                    .append(Html.esc(k.value())).append("</td></tr>"));
            html.append("</table>");
        }
        html.append("<h2>Customs answers</h2>");
        if (receipts.isEmpty()) {
            html.append("<p class=\"muted\">No receipt yet.</p>");
        } else {
            html.append("<table id=\"receipts\"><tr><th>Time (customs)</th><th>Receipt</th><th>Code</th>"
                    + "<th>Meaning</th><th>Customs' note</th><th>Bytes</th></tr>");
            for (MessageQueries.Receipt r : receipts) {
                html.append("<tr><td>").append(Html.esc(r.returnTime())).append("</td><td>")
                        .append(Html.esc(r.receiptType())).append("</td><td>").append(Html.esc(r.status()))
                        .append("</td><td>").append(Html.esc(r.explanation())).append("</td><td>")
                        .append(Html.esc(r.info())).append("</td><td><a href=\"").append(base).append("/artefacts/")
                        .append(Html.esc(r.receiptSha256())).append("\">view</a></td></tr>");
            }
            html.append("</table>");
        }
        html.append("<h2>Timeline (message log)</h2><table id=\"timeline\"><tr><th>#</th><th>Recorded (UTC)</th>"
                + "<th>Stage</th><th>Detail</th><th>Artefact</th></tr>");
        for (MessageQueries.TimelineEntry e : timeline) {
            html.append("<tr><td>").append(Html.esc(e.seq())).append("</td><td>").append(Html.esc(e.recordedAt()))
                    .append("</td><td>").append(Html.esc(e.stage())).append("</td><td>").append(Html.esc(e.detail()))
                    .append("</td><td>");
            if (e.artefactSha256() != null) {
                html.append("<a href=\"").append(base).append("/artefacts/").append(Html.esc(e.artefactSha256()))
                        .append("\">").append(Html.esc(e.artefactKind())).append("</a> <span class=\"muted\">")
                        .append(Html.esc(e.artefactSha256().substring(0, 12))).append("…, ")
                        .append(Html.esc(e.artefactSize())).append(" bytes</span>");
            }
            html.append("</td></tr>");
        }
        return html.append("</table>").toString();
    }
}
