package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.session.SessionContext;
import org.springframework.stereotype.Component;

/**
 * Gives each authenticated SFTP session its merchant's home as the root of a chrooted file system (MINA's
 * rooted file system: {@code ..} stops at the root and absolute paths start there). The merchant is found from
 * the authenticated username, not from anything the client said during authentication, and is kept on the
 * session for the {@link InboxOnlyAccessor} and {@link UploadCompletion}.
 */
@Component
class MerchantFileSystemFactory extends VirtualFileSystemFactory {

    static final AttributeKey<String> MERCHANT = new AttributeKey<>();

    private final SftpAccounts accounts;
    private final MerchantHomes homes;

    MerchantFileSystemFactory(SftpAccounts accounts, MerchantHomes homes) {
        this.accounts = accounts;
        this.homes = homes;
    }

    @Override
    public Path getUserHomeDir(SessionContext session) throws IOException {
        String username = session.getUsername();
        String merchant = accounts.findEnabled(username).map(SftpAccounts.Account::merchantId)
                .orElseThrow(() -> new IOException("no enabled SFTP account " + LoginAudit.safe(username)));
        session.setAttribute(MERCHANT, merchant);
        return homes.ensure(merchant);
    }

    /** The merchant of an authenticated session whose file system was opened. */
    static String merchantOf(SessionContext session) {
        String merchant = session.getAttribute(MERCHANT);
        if (merchant == null) {
            throw new IllegalStateException("SFTP session without a merchant");
        }
        return merchant;
    }
}
