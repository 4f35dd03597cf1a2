package dev.customsgateway.audit;

/**
 * One thing {@code verify-log} found wrong.
 *
 * @param kind    stable code
 * @param seq     the chain position it concerns (null when it concerns no single position)
 * @param message what is wrong and where, in words; never personal data (only positions, ids and digests)
 */
public record Finding(FindingKind kind, Long seq, String message) {

    @Override
    public String toString() {
        return (seq == null ? "" : "seq " + seq + " ") + kind + ": " + message;
    }
}
