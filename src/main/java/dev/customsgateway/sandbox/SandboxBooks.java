package dev.customsgateway.sandbox;

import java.time.OffsetDateTime;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox's own record of the messages it received: a guid is taken once. */
@Repository
class SandboxBooks {

    private final JdbcClient jdbc;

    SandboxBooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the message; false when the guid was received before (a re-send). */
    boolean receive(String guid, String messageType, String sha256, String verdict, OffsetDateTime now) {
        try {
            jdbc.sql("""
                    insert into sandbox_message (guid, message_type, content_sha256, verdict, received_at)
                    values (?, ?, ?, ?, ?)""").params(guid, messageType, sha256, verdict, now).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    int count(String guid) {
        return jdbc.sql("select count(*) from sandbox_message where guid = ?").param(guid).query(Integer.class).single();
    }
}
