package dev.customsgateway.audit;

import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the hash chain. Each append locks the one-row chain head ({@code select ... for update}),
 * writes the entry with the next sequence number and the head's hash as its predecessor, and moves the head,
 * all in the caller's transaction (or its own): appends from any number of threads or gateway instances on one
 * database are serialised by that row lock, and an append rolled back with its caller leaves no trace in the
 * chain. The lock is held until the caller commits, so callers keep their log-writing transactions short.
 */
@Component
class LogChain {

    private static final Logger LOG = LoggerFactory.getLogger(LogChain.class);
    private static final int ADOPTION_BATCH = 1000;

    private final ChainRepository repository;
    private final TransactionTemplate tx;

    LogChain(ChainRepository repository, TransactionTemplate tx) {
        this.repository = repository;
        this.tx = tx;
    }

    /** Appends one entry; returns its place in the chain. */
    ChainRepository.Head append(LogEntry entry, Instant recordedAt) {
        return appendAll(List.of(new Timed(entry, recordedAt)));
    }

    /**
     * Appends entries in the given order under one lock of the head and with one move of it: what an order's
     * stages cost as a single append. Returns the place of the last entry.
     */
    ChainRepository.Head appendAll(List<Timed> entries) {
        return tx.execute(status -> {
            ChainRepository.Head head = repository.lockHead();
            long seq = head.seq();
            String hash = head.hash();
            for (Timed timed : entries) {
                seq++;
                String next = ChainHash.of(seq, hash, timed.entry(), timed.recordedAt());
                repository.insert(seq, hash, next, timed.entry(), timed.recordedAt());
                hash = next;
            }
            repository.moveHead(seq, hash);
            return new ChainRepository.Head(seq, hash);
        });
    }

    /** An entry with the time it was recorded (which is hashed with it). */
    record Timed(LogEntry entry, Instant recordedAt) {
    }

    /**
     * Chains the entries written before the chain existed (schema V1), oldest first. Only while the chain is
     * still empty: once it has an entry, a row without a place in it was not written by the gateway, and
     * {@link LogVerifier} reports it instead of this method legitimising it.
     */
    int adoptLegacyEntries() {
        Integer adopted = tx.execute(status -> {
            ChainRepository.Head head = repository.lockHead();
            if (head.seq() != 0) {
                return 0;
            }
            long seq = 0;
            String prev = head.hash();
            for (var batch = repository.unchained(ADOPTION_BATCH); !batch.isEmpty();
                    batch = repository.unchained(ADOPTION_BATCH)) {
                for (ChainedEntry row : batch) {
                    seq++;
                    String hash = ChainHash.of(seq, prev, row.entry(), row.stageCode(), row.recordedAt());
                    repository.chain(row.id(), seq, prev, hash);
                    prev = hash;
                }
            }
            if (seq > 0) {
                repository.moveHead(seq, prev);
            }
            return (int) seq;
        });
        if (adopted != null && adopted > 0) {
            LOG.info("Adopted {} message-log entries written before the hash chain existed", adopted);
        }
        return adopted == null ? 0 : adopted;
    }
}
