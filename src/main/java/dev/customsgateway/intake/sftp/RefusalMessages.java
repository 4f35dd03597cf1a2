package dev.customsgateway.intake.sftp;

import org.apache.sshd.sftp.server.SftpErrorStatusDataHandler;
import org.apache.sshd.sftp.server.SftpSubsystemEnvironment;

/**
 * SFTP status messages: our own refusals ({@link SftpRefusal}) say why in words; every other failure keeps
 * MINA's generic text, so no server path or exception detail reaches the client.
 */
final class RefusalMessages implements SftpErrorStatusDataHandler {

    @Override
    public String resolveErrorMessage(SftpSubsystemEnvironment sftp, int id, Throwable e, int subStatus, int cmd,
            Object... args) {
        return e instanceof SftpRefusal refusal ? refusal.getReason()
                : SftpErrorStatusDataHandler.super.resolveErrorMessage(sftp, id, e, subStatus, cmd, args);
    }
}
