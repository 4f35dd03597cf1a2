package dev.customsgateway.intake.sftp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * Checks a polled merchant server's host key against the known-hosts entries configured for that merchant
 * (OpenSSH known_hosts format, {@code [host]:port} for ports other than 22, hashed names allowed). There is no
 * "accept new keys" and no fallback to the user's own known_hosts: an unknown or changed key is refused, and
 * the reason is kept for the log line.
 */
final class PinnedHostKeys implements ServerKeyVerifier {

    private final String host;
    private final int port;
    private final List<PublicKey> pinned;
    private volatile String refusal;

    PinnedHostKeys(String host, int port, String knownHosts) {
        this.host = host;
        this.port = port;
        this.pinned = parse(knownHosts, host, port);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        if (pinned.stream().anyMatch(k -> KeyUtils.compareKeys(k, serverKey))) {
            return true;
        }
        String offered = KeyUtils.getKeyType(serverKey) + " " + KeyUtils.getFingerPrint(serverKey);
        refusal = pinned.isEmpty()
                ? "no configured known-hosts entry names " + name() + " (server offered " + offered + ")"
                : "the host key of " + name() + " (" + offered + ") does not match the configured known-hosts entry";
        return false;
    }

    /** Whether the configured entries hold any usable key for this host and port at all. */
    boolean pinsAnyKey() {
        return !pinned.isEmpty();
    }

    /** How known_hosts names this server. */
    String name() {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    /** Why the last key was refused, or null. */
    String refusal() {
        return refusal;
    }

    private static List<PublicKey> parse(String knownHosts, String host, int port) {
        List<PublicKey> keys = new ArrayList<>();
        try {
            for (KnownHostEntry entry : KnownHostEntry.readKnownHostEntries(
                    new BufferedReader(new StringReader(knownHosts)))) {
                // a revoked (@revoked) or CA (@cert-authority) line never vouches for a key on its own
                if (entry.getMarker() == null && entry.isHostMatch(host, port)) {
                    keys.add(entry.getKeyEntry().resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable known-hosts entry", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable known-hosts entry: " + e.getMessage(), e);
        }
        return keys;
    }
}
