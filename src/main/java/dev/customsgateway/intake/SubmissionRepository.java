package dev.customsgateway.intake;

import dev.customsgateway.core.RowError;
import dev.customsgateway.core.TransactionScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Submissions, their orders and their row errors. */
@Repository
public class SubmissionRepository {

    private final JdbcClient jdbc;

    SubmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Submission s) {
        jdbc.sql("""
                insert into submission (id, merchant_id, channel, format, file_name, content_sha256, size_bytes,
                    status, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.merchantId(), s.channel(), s.format(), s.fileName(), s.contentSha256(),
                        s.sizeBytes(), s.status().name(), s.receivedAt())
                .update();
    }

    public Optional<Submission> find(String id) {
        return jdbc.sql("""
                select id, merchant_id, channel, format, file_name, content_sha256, size_bytes, status,
                    orders_succeeded, orders_failed, problem, received_at, completed_at
                from submission where id = ?""")
                .param(id)
                .query((rs, n) -> new Submission(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                        SubmissionStatus.valueOf(rs.getString(8)), rs.getInt(9), rs.getInt(10), rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class)))
                .optional();
    }

    /**
     * The earliest submission of the merchant with exactly this content that was not refused as a whole: its
     * orders were (or are being) declared, so the same bytes must not be declared again.
     */
    public Optional<String> firstDeclaredWithContent(String merchantId, String contentSha256) {
        return jdbc.sql("""
                select id from submission where merchant_id = ? and content_sha256 = ? and status <> 'REFUSED'
                order by received_at, id limit 1""")
                .params(merchantId, contentSha256).query(String.class).optional();
    }

    /** File submissions stored but not yet claimed, received before the given time, oldest first. */
    List<String> receivedBefore(OffsetDateTime time) {
        return receivedBefore(time, "<>");
    }

    /** Order requests ({@code POST /api/v1/orders}) stored but not yet claimed; they have a route of their own. */
    List<String> orderRequestsReceivedBefore(OffsetDateTime time) {
        return receivedBefore(time, "=");
    }

    private List<String> receivedBefore(OffsetDateTime time, String formatComparison) {
        return jdbc.sql("select id from submission where status = 'RECEIVED' and received_at < ? and format "
                        + formatComparison + " ? order by received_at")
                .params(time, ApiOrderIntake.FORMAT).query(String.class).list();
    }

    void setFormat(String id, String format) {
        jdbc.sql("update submission set format = ? where id = ?").params(format, id).update();
    }

    /** After a restart, work that was in progress is unclaimed again. */
    int releaseProcessing() {
        // only what was in progress before this process started: a submission received since is being worked on
        OffsetDateTime processStart = java.time.Instant.ofEpochMilli(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()).atOffset(java.time.ZoneOffset.UTC);
        return jdbc.sql("update submission set status = 'RECEIVED' where status = 'PROCESSING' and received_at < ?")
                .param(processStart).update();
    }

    /** Claims a received submission for processing; false when someone else has it or it is finished. */
    boolean claim(String id) {
        return jdbc.sql("update submission set status = 'PROCESSING' where id = ? and status = 'RECEIVED'")
                .param(id).update() == 1;
    }

    void markRefused(String id, String problem, OffsetDateTime now) {
        jdbc.sql("update submission set status = 'REFUSED', problem = ?, completed_at = ? where id = ?")
                .params(problem, now, id).update();
    }

    void markCompleted(String id, OffsetDateTime now) {
        jdbc.sql("update submission set status = 'COMPLETED', completed_at = ? where id = ? and status = 'PROCESSING'")
                .params(now, id).update();
    }

    /** First rows of the orders that already have an outcome (skipped when a restart reads the file again). */
    Set<Integer> ordersWithOutcome(String submissionId) {
        return jdbc.sql("select source_row from submission_order where submission_id = ?")
                .param(submissionId).query(Integer.class).list().stream().collect(Collectors.toSet());
    }

    /** Records a success; false (and nothing counted) when the order already has an outcome. */
    boolean orderSucceeded(String submissionId, String orderNo, int row, String guid, String file, OffsetDateTime now) {
        if (hasOutcome(submissionId, row)) {
            return false;
        }
        jdbc.sql("""
                insert into submission_order (submission_id, order_no, source_row, status, guid, message_file, updated_at)
                values (?, ?, ?, 'SUCCEEDED', ?, ?, ?)""")
                .params(submissionId, orderNo, row, guid, file, now).update();
        count(submissionId, 1, 0);
        return true;
    }

    /** Records a failure with its errors; false (and nothing recorded) when the order already has an outcome. */
    boolean orderFailed(String submissionId, String orderNo, int row, List<RowError> errors, OffsetDateTime now) {
        if (hasOutcome(submissionId, row)) {
            return false;
        }
        jdbc.sql("""
                insert into submission_order (submission_id, order_no, source_row, status, updated_at)
                values (?, ?, ?, 'FAILED', ?)""")
                .params(submissionId, orderNo, row, now).update();
        for (RowError e : errors) {
            jdbc.sql("""
                    insert into submission_error (submission_id, order_no, source_row, column_name, value_shown,
                        rule, message)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(submissionId, orderNo, e.row(), e.column(), clip(e.value(), 200), e.rule(),
                            clip(e.message(), 1000))
                    .update();
        }
        count(submissionId, 0, 1);
        return true;
    }

    /**
     * Moves the submission's counts: at once without a transaction; in one, just before it commits
     * ({@link OutcomeCounts}), summed over the batch: the submission row is what every worker of a file updates, and
     * its lock is then held for the commit only, not while the rest of the batch is processed.
     */
    private void count(String submissionId, int succeeded, int failed) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            OutcomeCounts.of(this).add(submissionId, succeeded, failed);
        } else {
            addCounts(submissionId, succeeded, failed);
        }
    }

    private void addCounts(String submissionId, int succeeded, int failed) {
        jdbc.sql("update submission set orders_succeeded = orders_succeeded + ?, orders_failed = orders_failed + ?"
                + " where id = ?").params(succeeded, failed, submissionId).update();
    }

    /**
     * Outcomes counted in the current transaction, added to their submissions' rows before it commits: after the
     * message log has appended its entries (order 0), so every transaction takes the chain head before a submission
     * row (PostgreSQL saw a deadlock when an order's transaction and a rejected one's took them the other way round).
     * An order rolled back to its savepoint after being counted cannot happen: counting is its last step.
     */
    private static final class OutcomeCounts implements TransactionSynchronization {

        static final int ORDER = 100;

        private final SubmissionRepository repository;
        private final Map<String, int[]> bySubmission = new TreeMap<>(); // sorted: rows locked in one order

        private OutcomeCounts(SubmissionRepository repository) {
            this.repository = repository;
        }

        static OutcomeCounts of(SubmissionRepository repository) {
            return TransactionScoped.of(repository, () -> new OutcomeCounts(repository));
        }

        void add(String submissionId, int succeeded, int failed) {
            int[] counts = bySubmission.computeIfAbsent(submissionId, id -> new int[2]);
            counts[0] += succeeded;
            counts[1] += failed;
        }

        @Override
        public int getOrder() {
            return ORDER;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            bySubmission.forEach((id, counts) -> repository.addCounts(id, counts[0], counts[1]));
        }

        @Override
        public void afterCompletion(int status) {
            TransactionScoped.release(repository);
        }
    }

    boolean hasOutcome(String submissionId, int row) {
        return jdbc.sql("select count(*) from submission_order where submission_id = ? and source_row = ?")
                .params(submissionId, row).query(Integer.class).single() > 0;
    }

    public List<RowError> errors(String submissionId, int limit) {
        return jdbc.sql("""
                select source_row, column_name, value_shown, rule, message from submission_error
                where submission_id = ? order by source_row, id limit ?""")
                .params(submissionId, limit)
                .query((rs, n) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    List<OrderOutcome> orders(String submissionId) {
        return jdbc.sql("""
                select order_no, source_row, status, guid, message_file from submission_order
                where submission_id = ? order by source_row""")
                .param(submissionId)
                .query((rs, n) -> new OrderOutcome(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    /** One order of a submission and what became of it. */
    record OrderOutcome(String orderNo, int sourceRow, String status, String guid, String messageFile) {
    }
}
