package dev.customsgateway.intake.sftp;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Picks the name a processed file keeps in {@code archive/} (and its reports in {@code errors/}): the upload's
 * own name, or, when that is taken by an earlier upload, the name with {@code -2}, {@code -3} ... before the
 * extension, so nothing earlier is overwritten.
 */
final class ArchiveNames {

    private ArchiveNames() {
    }

    static String unique(Path archive, Path errors, String name) {
        String candidate = name;
        for (int n = 2; taken(archive, errors, candidate); n++) {
            int dot = name.lastIndexOf('.');
            candidate = dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
        }
        return candidate;
    }

    private static boolean taken(Path archive, Path errors, String name) {
        return Files.exists(archive.resolve(name), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(errors.resolve(name + ".errors.csv"), LinkOption.NOFOLLOW_LINKS)
                || Files.exists(errors.resolve(name + ".duplicate.txt"), LinkOption.NOFOLLOW_LINKS);
    }
}
