package dev.customsgateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Verifies the message log end to end: walks the hash chain ({@link ChainWalk}), re-hashes every artefact it
 * names in the content store ({@link ArtefactCheck}) and checks every signed checkpoint
 * ({@link CheckpointVerifier}). Read-only. Behind the {@code verify-log} command and
 * {@code GET /api/v1/audit/verification}.
 */
@Component
class LogVerifier {

    private final ChainRepository chain;
    private final CheckpointRepository checkpoints;
    private final ContentStore store;
    private final CheckpointKey key;
    private final AuditProperties properties;
    private final Clock clock;

    LogVerifier(ChainRepository chain, CheckpointRepository checkpoints, ContentStore store, CheckpointKey key,
            AuditProperties properties, Clock clock) {
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.store = store;
        this.key = key;
        this.properties = properties;
        this.clock = clock;
    }

    VerificationReport verify(Options options) {
        Findings findings = new Findings();
        ChainRepository.Head head = chain.head();
        ArtefactCheck artefacts = new ArtefactCheck(store, findings, chain::sealingKeyOf);
        ShredRecords shreds = new ShredRecords();
        long entries = new ChainWalk(chain, findings, head, e -> {
            shreds.note(e);
            if (options.artefacts()) {
                artefacts.check(e);
            }
        }).run();
        artefacts.finish(shreds);
        CheckpointVerifier signed = new CheckpointVerifier(chain, checkpoints, trustedKeys(options), timestampCheck(),
                findings);
        signed.run(head.seq());
        List<Finding> found = findings.list();
        boolean intact = found.stream().allMatch(f -> f.kind().informational()) && !findings.truncated();
        return new VerificationReport(intact, clock.instant(), entries, head.seq(), head.hash(),
                artefacts.verifiedCount(), signed.checked(), signed.lastValidSeq(),
                Math.max(0, head.seq() - signed.lastValidSeq()), found, findings.truncated(),
                artefacts.shreddedCount());
    }

    /** The auditor's own copies of the checkpoint key when given, else the key this gateway keeps. */
    private Map<String, PublicKey> trustedKeys(Options options) {
        Map<String, PublicKey> trusted = new HashMap<>();
        options.trustedKeys().forEach(k -> trusted.put(CheckpointKey.keyId(k), k));
        if (trusted.isEmpty() && key.exists()) {
            try {
                PublicKey own = key.certificate().getPublicKey();
                trusted.put(CheckpointKey.keyId(own), own);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the checkpoint certificate", e);
            }
        }
        return trusted;
    }

    private TimestampCheck timestampCheck() {
        try {
            return new TimestampCheck(properties.tsaCertificate() == null ? null
                    : CheckpointKey.readCertificate(properties.tsaCertificate()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the time-stamping authority certificate", e);
        }
    }

    /**
     * What to verify.
     *
     * @param artefacts    re-hash every artefact (reads all stored bytes; off for a quick chain check)
     * @param trustedKeys  checkpoint keys to trust; empty for the gateway's own
     */
    record Options(boolean artefacts, List<PublicKey> trustedKeys) {

        static Options full() {
            return new Options(true, List.of());
        }
    }
}
