package dev.customsgateway.intake.sftp;

import dev.customsgateway.core.PasswordHasher;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.Optional;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;
import org.springframework.stereotype.Component;

/**
 * Logs SFTP accounts in by password (Argon2id hash) or authorised public key, for the {@link SftpServer}.
 * Disabled accounts and accounts of disabled merchants are refused; failures are throttled per username and
 * address ({@link LoginThrottle}) and audited ({@link LoginAudit}). A refused key offer counts once per
 * session, since clients offer several keys in turn.
 */
@Component
class AccountAuthenticator implements PasswordAuthenticator, PublickeyAuthenticator {

    private static final AttributeKey<Boolean> KEY_FAILURE_COUNTED = new AttributeKey<>();

    private final SftpAccounts accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final LoginAudit audit;

    AccountAuthenticator(SftpAccounts accounts, PasswordHasher hasher, LoginThrottle throttle, LoginAudit audit) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        String address = address(session);
        if (throttle.blocked(username, address)) {
            return false;
        }
        Optional<SftpAccounts.Account> account = accounts.findEnabled(username);
        boolean ok;
        if (account.isPresent() && account.get().passwordHash() != null) {
            ok = hasher.matches(password, account.get().passwordHash());
        } else {
            hasher.burn(password); // unknown or key-only accounts take as long as wrong passwords
            ok = false;
        }
        return outcome(ok, username, address, "password");
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        String address = address(session);
        if (throttle.blocked(username, address)) {
            return false;
        }
        boolean ok = AuthorizedKeys.weakness(key) == null && accounts.findEnabled(username).isPresent()
                && accounts.publicKeys(username).stream().anyMatch(line -> sameKey(line, key));
        if (!ok && session.getAttribute(KEY_FAILURE_COUNTED) != null) {
            return false;
        }
        if (!ok) {
            session.setAttribute(KEY_FAILURE_COUNTED, Boolean.TRUE);
        }
        return outcome(ok, username, address, "public key");
    }

    private boolean outcome(boolean ok, String username, String address, String method) {
        if (ok) {
            throttle.succeeded(username, address);
        } else {
            audit.failed(username, address, method, throttle.failed(username, address));
        }
        return ok;
    }

    private static boolean sameKey(String line, PublicKey offered) {
        try {
            return KeyUtils.compareKeys(AuthorizedKeys.parse(line), offered);
        } catch (IllegalArgumentException weakOrBroken) {
            return false;
        }
    }

    private static String address(ServerSession session) {
        SocketAddress remote = session.getClientAddress();
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress() : String.valueOf(remote);
    }
}
