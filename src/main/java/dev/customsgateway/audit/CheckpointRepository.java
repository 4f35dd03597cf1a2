package dev.customsgateway.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code log_checkpoint} table: insert and read only. */
@Component
class CheckpointRepository {

    private static final String COLUMNS = "id, seq, entry_hash, signed_at, key_id, signature, timestamp_token";

    private final JdbcClient jdbc;

    CheckpointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Checkpoint c) {
        jdbc.sql("""
                insert into log_checkpoint (seq, entry_hash, signed_at, key_id, signature, timestamp_token)
                values (?, ?, ?, ?, ?, ?)""")
                .params(c.seq(), c.entryHash(), c.signedAt().atOffset(ZoneOffset.UTC), c.keyId(), c.signature(),
                        c.timestampToken())
                .update();
    }

    List<Checkpoint> all() {
        return jdbc.sql("select " + COLUMNS + " from log_checkpoint order by seq, id").query(CheckpointRepository::row)
                .list();
    }

    /** The first checkpoint at or after a sequence number: the one that covers that entry. */
    Optional<Checkpoint> covering(long seq) {
        return jdbc.sql("select " + COLUMNS + " from log_checkpoint where seq >= ? order by seq, id limit 1")
                .param(seq).query(CheckpointRepository::row).optional();
    }

    Optional<Checkpoint> latest() {
        return jdbc.sql("select " + COLUMNS + " from log_checkpoint order by seq desc, id desc limit 1")
                .query(CheckpointRepository::row).optional();
    }

    private static Checkpoint row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Checkpoint(rs.getLong("id"), rs.getLong("seq"), rs.getString("entry_hash"),
                rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("key_id"),
                rs.getBytes("signature"), rs.getBytes("timestamp_token"));
    }
}
