package dev.customsgateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.bouncycastle.tsp.TSPException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Signs the chain head: a checkpoint (seq, hash, time) signed with the gateway's {@link CheckpointKey}, and
 * time-stamped by the configured RFC 3161 authority so that it does not rest only on a key kept beside the
 * database. Run periodically by {@link CheckpointScheduler} and on demand by the {@code checkpoint-log}
 * command. A head that is already checkpointed is not signed again.
 */
@Component
class CheckpointSigner {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointSigner.class);

    private final ChainRepository chain;
    private final CheckpointRepository checkpoints;
    private final CheckpointKey key;
    private final TimestampClient timestamps;
    private final Clock clock;

    CheckpointSigner(ChainRepository chain, CheckpointRepository checkpoints, CheckpointKey key,
            AuditProperties properties, Clock clock) throws IOException {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.key = key;
        this.timestamps = properties.tsaUrl() == null ? null
                : new TimestampClient(properties.tsaUrl(), new TimestampCheck(properties.tsaCertificate() == null
                        ? null : CheckpointKey.readCertificate(properties.tsaCertificate())));
        this.clock = clock;
    }

    /** Signs the current head if no checkpoint covers it yet; returns the new checkpoint. */
    synchronized Optional<Checkpoint> checkpoint() {
        ChainRepository.Head head = chain.head();
        long covered = checkpoints.latest().map(Checkpoint::seq).orElse(0L);
        if (head.seq() == 0 || head.seq() <= covered) {
            return Optional.empty();
        }
        KeyPair pair = key.loadOrCreate();
        Instant signedAt = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the databases keep
        byte[] signature = sign(pair, CheckpointPayload.of(head.seq(), head.hash(), signedAt));
        Checkpoint checkpoint = new Checkpoint(0, head.seq(), head.hash(), signedAt,
                CheckpointKey.keyId(pair.getPublic()), signature, timestamp(signature));
        checkpoints.insert(checkpoint);
        LOG.info("Signed message-log checkpoint at seq {} ({}){}", head.seq(), head.hash(),
                checkpoint.timestampToken() == null ? "" : ", time-stamped");
        return Optional.of(checkpoint);
    }

    /** Signs with the checkpoint key: checkpoints, and the statement of an evidence bundle (another first line). */
    static byte[] sign(KeyPair pair, byte[] payload) {
        try {
            Signature signer = Signature.getInstance(CheckpointKey.SIGNATURE_ALGORITHM);
            signer.initSign(pair.getPrivate());
            signer.update(payload);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with " + CheckpointKey.SIGNATURE_ALGORITHM, e);
        }
    }

    /** A checkpoint without its time-stamp is still worth keeping; the next one will try the authority again. */
    private byte[] timestamp(byte[] signature) {
        if (timestamps == null) {
            return null;
        }
        try {
            return timestamps.timestamp(signature);
        } catch (IOException | TSPException | UncheckedIOException e) {
            LOG.warn("Checkpoint signed without a time-stamp: the time-stamping authority failed: {}", e.toString());
            return null;
        }
    }
}
