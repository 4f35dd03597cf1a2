package dev.customsgateway.audit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One walk over the hash chain in sequence order, for {@link LogVerifier}. Each entry must hash to its stored
 * hash, name the previous entry's hash as its predecessor and follow it without a gap; the last must be the
 * recorded head. When one of these fails, the walk works out what happened (an entry that hashes correctly at
 * another position was moved; an entry nothing links to was inserted) so the finding says where and what.
 * Those extra look-ups run only on anomalies, so an intact log costs one paged read.
 */
final class ChainWalk {

    private static final int PAGE = 500;
    /** How far from its place a moved entry is searched for; each try is one SHA-256 of a few hundred bytes. */
    private static final int MOVE_SEARCH = 16;

    private final ChainRepository repository;
    private final Findings findings;
    private final Consumer<ChainedEntry> onEntry;
    private final ChainRepository.Head head;

    private long expectedSeq = 1;
    private String prevHash = ChainHash.GENESIS;
    private ChainedEntry previous;
    private long entries;
    private MovedRun run;

    ChainWalk(ChainRepository repository, Findings findings, ChainRepository.Head head,
            Consumer<ChainedEntry> onEntry) {
        this.repository = repository;
        this.findings = findings;
        this.head = head;
        this.onEntry = onEntry;
    }

    /** Walks every entry up to the head; returns how many were read. */
    long run() {
        long after = 0;
        for (List<ChainedEntry> page = repository.page(after, head.seq(), PAGE); !page.isEmpty();
                page = repository.page(after, head.seq(), PAGE)) {
            for (ChainedEntry entry : page) {
                check(entry);
                onEntry.accept(entry);
                after = entry.seq();
            }
        }
        flushRun();
        checkEnd();
        repository.unchained(Findings.LIMIT).forEach(e -> findings.add(FindingKind.ENTRY_INSERTED, null,
                "row id " + e.id() + " has no place in the chain: it was not appended by the gateway"));
        repository.beyondHead(Findings.LIMIT).forEach(seq -> findings.add(FindingKind.ENTRY_INSERTED, seq,
                "entry lies beyond the chain head (seq " + repository.head().seq() + "): not appended by the gateway"));
        return entries;
    }

    private void check(ChainedEntry entry) {
        long seq = entry.seq();
        boolean gap = seq > expectedSeq;
        if (gap) {
            findings.add(FindingKind.ENTRY_MISSING, expectedSeq, range(expectedSeq, seq - 1) + " missing: deleted");
        }
        boolean moved = false;
        if (entry.hashMatches()) {
            flushRun();
        } else {
            OptionalLong writtenAt = findings.full() ? OptionalLong.empty() : writtenAt(entry);
            moved = writtenAt.isPresent();
            if (moved) {
                extendRun(seq, seq - writtenAt.getAsLong());
            } else {
                flushRun();
                findings.add(FindingKind.ENTRY_EDITED, seq, "entry (row id " + entry.id()
                        + ") no longer matches its hash: changed after it was written");
            }
        }
        if (!gap && !Objects.equals(entry.prevHash(), prevHash) && !findings.full()) {
            brokenLink(entry, moved);
        }
        previous = entry;
        prevHash = entry.entryHash();
        expectedSeq = seq + 1;
        entries++;
    }

    /** The entry does not follow the one before it: say why, unless its move was already reported. */
    private void brokenLink(ChainedEntry entry, boolean moved) {
        long seq = entry.seq();
        OptionalLong predecessor = entry.prevHash() == null ? OptionalLong.empty()
                : optional(repository.seqOfHash(entry.prevHash()));
        if (predecessor.isEmpty()) {
            findings.add(moved ? FindingKind.ENTRY_MISSING : FindingKind.CHAIN_BROKEN, seq,
                    "the entry it follows (hash " + entry.prevHash() + ") is no longer in the log: deleted"
                            + (moved ? "" : ", or rewritten with a fresh hash"));
        } else if (previous != null && predecessor.getAsLong() < seq - 1
                && repository.seqLinkingTo(previous.entryHash()).isEmpty()) {
            findings.add(FindingKind.ENTRY_INSERTED, previous.seq(), "no entry follows it in the chain: the entry at seq "
                    + seq + " links past it to seq " + predecessor.getAsLong() + "; it was not appended by the gateway");
        } else if (!moved) {
            findings.add(FindingKind.ENTRY_REORDERED, seq, "it was written after the entry now at seq "
                    + predecessor.getAsLong() + ", not after seq " + (seq - 1));
        }
    }

    /** The position at which the entry hashes correctly, if near: proof it was written there and moved. */
    private OptionalLong writtenAt(ChainedEntry entry) {
        long seq = entry.seq();
        Set<Long> candidates = new LinkedHashSet<>();
        if (run != null && run.end == seq - 1) {
            candidates.add(seq - run.offset);
        }
        if (entry.prevHash() != null && entry.entryHash() != null) {
            repository.seqOfHash(entry.prevHash()).ifPresent(p -> candidates.add(p + 1));
            repository.seqLinkingTo(entry.entryHash()).ifPresent(f -> candidates.add(f - 1));
        }
        for (long d = 1; d <= MOVE_SEARCH; d++) {
            candidates.add(seq - d);
            candidates.add(seq + d);
        }
        return candidates.stream().filter(c -> c > 0 && c != seq)
                .filter(entry::hashMatchesAt)
                .mapToLong(Long::longValue).findFirst();
    }

    private void extendRun(long seq, long offset) {
        if (run != null && run.offset == offset && run.end == seq - 1) {
            run = new MovedRun(run.start, seq, offset);
        } else {
            flushRun();
            run = new MovedRun(seq, seq, offset);
        }
    }

    /** Reports consecutive entries moved by the same distance as one finding (a renumbering, say). */
    private void flushRun() {
        if (run == null) {
            return;
        }
        String what = run.start == run.end
                ? "entry was written at seq " + (run.start - run.offset)
                : "entries seq " + run.start + ".." + run.end + " were written at seq " + (run.start - run.offset)
                        + ".." + (run.end - run.offset);
        findings.add(FindingKind.ENTRY_REORDERED, run.start, what + ": moved after writing");
        run = null;
    }

    private void checkEnd() {
        long last = expectedSeq - 1;
        if (last < head.seq()) {
            findings.add(FindingKind.ENTRY_MISSING, last + 1, range(last + 1, head.seq())
                    + " missing at the end of the chain (head is seq " + head.seq() + "): deleted");
        } else if (last > 0 && !Objects.equals(prevHash, head.hash())) {
            findings.add(FindingKind.HEAD_MISMATCH, last, "the recorded chain head (" + head.hash()
                    + ") is not the hash of the last entry");
        }
    }

    private static String range(long from, long to) {
        return from == to ? "entry seq " + from + " is" : "entries seq " + from + ".." + to + " are";
    }

    private static OptionalLong optional(java.util.Optional<Long> value) {
        return value.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    private record MovedRun(long start, long end, long offset) {
    }
}
