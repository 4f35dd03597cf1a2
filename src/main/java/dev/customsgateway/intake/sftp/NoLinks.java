package dev.customsgateway.intake.sftp;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses session paths that pass through a symbolic link on disk. MINA's rooted file system keeps {@code ..}
 * and absolute paths inside the home, but follows a link that is already there (one an operator or another
 * process put in a home) wherever it points; the SFTP intake never needs links, so none is followed.
 */
final class NoLinks {

    private NoLinks() {
    }

    /** Throws when any component of the session path, the last one included, is a symbolic link in the home. */
    static void require(Path home, Path sessionPath) throws SftpRefusal {
        Path p = sessionPath.toAbsolutePath().normalize();
        Path host = home;
        for (int i = 0; i < p.getNameCount(); i++) {
            host = host.resolve(p.getName(i).toString());
            if (Files.isSymbolicLink(host)) {
                throw new SftpRefusal(p.toString(), "symbolic links are not followed");
            }
        }
    }
}
