package dev.customsgateway.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The dashboard (last 30 days): messages per day, rejections by code (the gateway's own rule codes and customs'
 * refusals) and the time from upload to customs' first answer. A merchant user sees its own figures only.
 */
@Controller
@ResponseBody
class DashboardPage {

    private static final int DAYS = 30;

    private final JdbcClient jdbc;
    private final ConsoleAccess access;
    private final Clock clock;

    DashboardPage(JdbcClient jdbc, ConsoleAccess access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/console/dashboard")
    ResponseEntity<String> dashboard(HttpServletRequest request,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) {
        String merchant = session.role() == ConsoleRole.MERCHANT ? session.merchantId() : null;
        OffsetDateTime since = OffsetDateTime.now(clock).minusDays(DAYS);
        access.record(session, ConsoleAction.VIEWED_DASHBOARD, merchant, request.getRemoteAddr());
        List<Duration> answers = answerTimes(merchant, since);
        return Page.of("Dashboard", session, nonce, "<h1>Dashboard, last " + DAYS + " days"
                + (merchant == null ? "" : " (merchant " + Html.esc(merchant) + ")") + "</h1>"
                + BarChart.render("volume-chart", "Messages per day", bars("""
                        select cast(created_at as date), count(*) from outbox_message
                        where created_at >= ? and (? = '' or merchant_id = ?) group by cast(created_at as date)
                        order by 1""", merchant, since))
                + BarChart.render("rejections-chart", "Orders rejected by the gateway, by rule code", bars("""
                        select e.rule, count(*) from submission_error e join submission s on s.id = e.submission_id
                        where s.received_at >= ? and (? = '' or s.merchant_id = ?) group by e.rule
                        order by 2 desc, 1 limit 20""", merchant, since))
                + BarChart.render("customs-chart", "Customs answers by receipt code", bars("""
                        select r.receipt_type || ' ' || r.return_status, count(*) from customs_receipt r
                        where r.received_at >= ? and (? = '' or r.merchant_id = ?)
                        group by r.receipt_type, r.return_status order by 2 desc, 1 limit 20""", merchant, since))
                + BarChart.render("latency-chart", "Time from upload to customs' first answer", histogram(answers))
                + summary(answers));
    }

    private List<BarChart.Bar> bars(String sql, String merchant, OffsetDateTime since) {
        String m = merchant == null ? "" : merchant;
        return jdbc.sql(sql).params(since, m, m)
                .query((rs, n) -> new BarChart.Bar(rs.getString(1), rs.getLong(2))).list();
    }

    /** Per message: its upload's arrival to the first receipt that answered it. */
    private List<Duration> answerTimes(String merchant, OffsetDateTime since) {
        String m = merchant == null ? "" : merchant;
        return jdbc.sql("""
                select s.received_at, min(r.received_at) from outbox_message o
                join submission s on s.id = o.submission_id join customs_receipt r on r.guid = o.guid
                where o.created_at >= ? and (? = '' or o.merchant_id = ?)
                group by o.guid, s.received_at order by o.guid limit 5000""")
                .params(since, m, m)
                .query((rs, n) -> Duration.between(rs.getObject(1, OffsetDateTime.class),
                        rs.getObject(2, OffsetDateTime.class)))
                .list();
    }

    private static List<BarChart.Bar> histogram(List<Duration> times) {
        long[] limits = {1, 5, 30, 60, 300, 3600, Long.MAX_VALUE};
        String[] labels = {"< 1 s", "1-5 s", "5-30 s", "30 s-1 min", "1-5 min", "5-60 min", "> 1 h"};
        long[] counts = new long[limits.length];
        for (Duration d : times) {
            for (int i = 0; i < limits.length; i++) {
                if (d.toMillis() < limits[i] * 1000 || i == limits.length - 1) {
                    counts[i]++;
                    break;
                }
            }
        }
        List<BarChart.Bar> bars = new ArrayList<>();
        if (!times.isEmpty()) {
            for (int i = 0; i < limits.length; i++) {
                bars.add(new BarChart.Bar(labels[i], counts[i]));
            }
        }
        return bars;
    }

    private static String summary(List<Duration> times) {
        if (times.isEmpty()) {
            return "";
        }
        List<Duration> sorted = times.stream().sorted().toList();
        return "<p id=\"latency-summary\">" + sorted.size() + " answered messages: median "
                + seconds(sorted.get(sorted.size() / 2)) + ", 90th percentile "
                + seconds(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.9) - 1)))
                + ", slowest " + seconds(sorted.get(sorted.size() - 1)) + ".</p>";
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
