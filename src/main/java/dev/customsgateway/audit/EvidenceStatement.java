package dev.customsgateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an evidence bundle states, signed with the checkpoint key ({@code statement.txt}, {@code statement.sig}):
 * that its {@code entries.json} is the gateway's export of the message with this guid, and which artefacts are
 * absent because retention shredded them. The chain proves each entry is in the log; only this says none was left
 * out, whose evidence it is, and that a missing artefact is missing by retention and not by the hand of whoever
 * passed the bundle on. Its first line differs from a
 * checkpoint's, so neither can pass for the other:
 *
 * <pre>
 * customs-gateway evidence bundle v1
 * guid=C0FFEE00-0000-4000-8000-000000000001
 * entries-sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * shredded=(the SHA-256 of each artefact left out because retention shredded it, comma-separated; empty if none)
 * exported-at=2026-05-01T08:00:00.123456Z
 * </pre>
 *
 * (each line ends with a line feed; verify with {@code openssl dgst -sha256 -verify checkpoint-public-key.pem
 * -signature statement.sig statement.txt}).
 */
final class EvidenceStatement {

    private static final String HEADER = "customs-gateway evidence bundle v1";
    private static final Pattern FORMAT = Pattern.compile(HEADER + "\nguid=([A-Za-z0-9_.:-]{1,64})\n"
            + "entries-sha256=([0-9a-f]{64})\nshredded=((?:[0-9a-f]{64}(?:,[0-9a-f]{64})*)?)\n"
            + "exported-at=([0-9T:.Z-]{20,32})\n");

    /** The statement as read back: the guid, the digest of entries.json and the shredded artefacts it names. */
    record Parsed(String guid, String entriesSha256, Set<String> shredded) {
    }

    private EvidenceStatement() {
    }

    static byte[] of(String guid, String entriesSha256, Collection<String> shredded, Instant exportedAt) {
        return (HEADER + "\nguid=" + guid + "\nentries-sha256=" + entriesSha256 + "\nshredded="
                + String.join(",", new TreeSet<>(shredded)) + "\nexported-at="
                + DateTimeFormatter.ISO_INSTANT.format(exportedAt) + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The statement's fields, if its bytes are exactly in the format above. */
    static Optional<Parsed> parse(byte[] bytes) {
        Matcher m = FORMAT.matcher(new String(bytes, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            return Optional.empty();
        }
        Set<String> shredded = m.group(3).isEmpty() ? Set.of() : Set.of(m.group(3).split(","));
        return Optional.of(new Parsed(m.group(1), m.group(2), shredded));
    }
}
