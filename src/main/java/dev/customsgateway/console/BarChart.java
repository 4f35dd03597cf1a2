package dev.customsgateway.console;

import java.util.List;

/** A horizontal bar chart as inline SVG: no script, no external asset, every label escaped. */
final class BarChart {

    private static final int ROW = 18;
    private static final int LABEL = 170;
    private static final int WIDTH = 640;

    private BarChart() {
    }

    record Bar(String label, long value) {
    }

    static String render(String id, String title, List<Bar> bars) {
        if (bars.isEmpty()) {
            return "<p class=\"muted\" id=\"" + id + "\">" + Html.esc(title) + ": no data yet.</p>";
        }
        long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
        int height = bars.size() * ROW + 24;
        StringBuilder svg = new StringBuilder("<svg id=\"" + id + "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\""
                + " width=\"" + WIDTH + "\" height=\"" + height + "\" viewBox=\"0 0 " + WIDTH + " " + height + "\">"
                + "<title>" + Html.esc(title) + "</title><text x=\"0\" y=\"12\" font-weight=\"bold\">" + Html.esc(title)
                + "</text>");
        int y = 20;
        int span = WIDTH - LABEL - 60;
        for (Bar bar : bars) {
            long w = Math.max(1, bar.value() * span / max);
            svg.append("<text x=\"0\" y=\"").append(y + 12).append("\">").append(Html.esc(bar.label()))
                    .append("</text><rect x=\"").append(LABEL).append("\" y=\"").append(y + 2).append("\" width=\"")
                    .append(w).append("\" height=\"").append(ROW - 4).append("\" fill=\"#1f6feb\"><title>")
                    .append(Html.esc(bar.label())).append(": ").append(bar.value()).append("</title></rect><text x=\"")
                    .append(LABEL + w + 4).append("\" y=\"").append(y + 12).append("\">").append(bar.value())
                    .append("</text>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }
}
