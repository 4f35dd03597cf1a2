package dev.customsgateway.intake.sftp;

import java.util.List;
import java.util.Locale;

/**
 * The naming rules of the inbox: which names are still being uploaded ({@code .part}, {@code .filepart},
 * {@code .tmp}), which are checksum sidecars ({@code <name>.sha256}), and which names may be written at all.
 */
final class UploadNames {

    static final List<String> TEMPORARY_SUFFIXES = List.of(".part", ".filepart", ".tmp");
    static final String SIDECAR_SUFFIX = ".sha256";
    static final int MAX_LENGTH = 200;

    private UploadNames() {
    }

    static boolean temporary(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    static boolean sidecar(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(SIDECAR_SUFFIX) && name.length() > SIDECAR_SUFFIX.length();
    }

    /** The data file a sidecar vouches for. */
    static String sidecarTarget(String sidecarName) {
        return sidecarName.substring(0, sidecarName.length() - SIDECAR_SUFFIX.length());
    }

    /** A final data file name: neither temporary nor a sidecar, so it may become a submission. */
    static boolean data(String name) {
        return !temporary(name) && !sidecar(name) && !name.startsWith(".");
    }

    /** Names that may be written: bounded, printable, no separators (the inbox is flat). */
    static boolean writable(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_LENGTH && !name.equals(".")
                && !name.equals("..") && name.codePoints().noneMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\');
    }
}
