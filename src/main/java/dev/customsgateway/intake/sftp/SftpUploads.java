package dev.customsgateway.intake.sftp;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code sftp_upload} table: complete files in an inbox and what became of them. A READY row survives a
 * restart, so a file completed just before a stop is still processed after it.
 */
@Repository
class SftpUploads {

    private final JdbcClient jdbc;

    SftpUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the inbox file complete (once: an earlier READY row of the same name is replaced). */
    void markReady(String merchantId, String fileName, OffsetDateTime now) {
        discardReady(merchantId, fileName);
        jdbc.sql("insert into sftp_upload (merchant_id, file_name, state, ready_at) values (?, ?, 'READY', ?)")
                .params(merchantId, fileName, now).update();
    }

    /** The file was changed, renamed or removed after it was complete: it is not complete any more. */
    void discardReady(String merchantId, String fileName) {
        jdbc.sql("delete from sftp_upload where merchant_id = ? and file_name = ? and state = 'READY'")
                .params(merchantId, fileName).update();
    }

    boolean isReady(String merchantId, String fileName) {
        return jdbc.sql("select count(*) from sftp_upload where merchant_id = ? and file_name = ? and state = 'READY'")
                .params(merchantId, fileName).query(Integer.class).single() > 0;
    }

    List<Long> readyIds() {
        return jdbc.sql("select id from sftp_upload where state = 'READY' order by id").query(Long.class).list();
    }

    Optional<Upload> find(long id) {
        return jdbc.sql("""
                select id, merchant_id, file_name, state, stored_name, submission_id from sftp_upload where id = ?""")
                .param(id).query((rs, n) -> new Upload(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .optional();
    }

    /** Uploads stored as submissions whose result has not been written yet. */
    List<Upload> awaitingResult() {
        return jdbc.sql("""
                select id, merchant_id, file_name, state, stored_name, submission_id from sftp_upload
                where state = 'ACCEPTED' order by id""")
                .query((rs, n) -> new Upload(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    void accepted(long id, String submissionId, String storedName) {
        jdbc.sql("update sftp_upload set state = 'ACCEPTED', submission_id = ?, stored_name = ? where id = ?")
                .params(submissionId, storedName, id).update();
    }

    void reported(long id, String storedName, OffsetDateTime now) {
        jdbc.sql("update sftp_upload set state = 'REPORTED', stored_name = ?, reported_at = ? where id = ?")
                .params(storedName, now, id).update();
    }

    /** A file fetched from the merchant's own server, about to be taken in (never READY: the scan skips it). */
    long insertFetched(String merchantId, String fileName, OffsetDateTime now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into sftp_upload (merchant_id, file_name, state, ready_at, source)
                values (?, ?, 'FETCHED', ?, 'POLLED')""")
                .params(merchantId, fileName, now).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Fetched files of the merchant whose results are written locally but not yet copied to its server. */
    List<Upload> awaitingPush(String merchantId) {
        return jdbc.sql("""
                select id, merchant_id, file_name, state, stored_name, submission_id from sftp_upload
                where merchant_id = ? and source = 'POLLED' and state = 'REPORTED' and pushed_at is null
                order by id""")
                .param(merchantId)
                .query((rs, n) -> new Upload(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .list();
    }

    void pushed(long id, OffsetDateTime now) {
        jdbc.sql("update sftp_upload set pushed_at = ? where id = ?").params(now, id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from sftp_upload where id = ?").param(id).update();
    }

    /** One row of {@code sftp_upload}. */
    record Upload(long id, String merchantId, String fileName, String state, String storedName,
            String submissionId) {
    }
}
