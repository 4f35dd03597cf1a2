package dev.customsgateway.sandbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sandbox's own record of the messages it received: a guid is taken once, with the business number it
 * declared. Re-sends of a guid it has are counted (in memory) but never booked again.
 */
@Repository
class SandboxBooks {

    private final JdbcClient jdbc;
    private final AtomicLong duplicateGuids = new AtomicLong();

    SandboxBooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the message; false when the guid was received before (a re-send). */
    boolean receive(String guid, String messageType, String businessNo, String sha256, SandboxVerdict verdict,
            OffsetDateTime now) {
        String info = verdict.accepted() ? null : verdict.returnInfo();
        try {
            jdbc.sql("""
                    insert into sandbox_message (guid, message_type, business_no, content_sha256, verdict,
                        verdict_info, received_at)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(guid, messageType, businessNo, sha256, verdict.accepted() ? "ACCEPTED" : "REJECTED",
                            info == null || info.length() <= 1000 ? info : info.substring(0, 1000), now)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            duplicateGuids.incrementAndGet();
            return false;
        }
    }

    int count(String guid) {
        return jdbc.sql("select count(*) from sandbox_message where guid = ?").param(guid).query(Integer.class).single();
    }

    /** Every booked message, oldest first. */
    List<Booked> all() {
        return jdbc.sql("""
                select guid, message_type, business_no, verdict, verdict_info, received_at from sandbox_message
                order by received_at, guid""")
                .query((rs, n) -> new Booked(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toString()))
                .list();
    }

    /** Re-sends of a booked guid since this process started (answered 409 DUPLICATE_GUID). */
    long duplicateGuids() {
        return duplicateGuids.get();
    }

    /** One booked message as the books endpoint shows it. */
    record Booked(String guid, String messageType, String businessNo, String verdict, String verdictInfo,
            String receivedAt) {
    }
}
