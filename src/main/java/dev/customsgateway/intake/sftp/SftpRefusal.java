package dev.customsgateway.intake.sftp;

import java.nio.file.AccessDeniedException;

/**
 * A refusal the merchant should read: its reason travels as the SFTP status message (see
 * {@link RefusalMessages}); the status code is "permission denied". Paths in it are session paths, never
 * server paths.
 */
final class SftpRefusal extends AccessDeniedException {

    SftpRefusal(String sessionPath, String reason) {
        super(sessionPath, null, reason);
    }
}
