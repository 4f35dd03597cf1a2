package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A merchant's own SFTP server for the polling tests: Apache MINA SSHD on a free loopback port with a host key of
 * its own, each user chrooted into a folder of the test's choosing, logging in by password or public key.
 */
final class MerchantOwnSftpServer implements AutoCloseable {

    private final SshServer server;
    private final KeyPair hostKey;
    private final VirtualFileSystemFactory files = new VirtualFileSystemFactory();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    MerchantOwnSftpServer() throws IOException, GeneralSecurityException {
        hostKey = KeyUtils.generateKeyPair(KeyPairProvider.ECDSA_SHA2_NISTP256, 256);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setFileSystemFactory(files);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setPasswordAuthenticator((user, password, session) -> password.equals(passwords.get(user)));
        server.setPublickeyAuthenticator((user, key, session) -> keys.containsKey(user)
                && KeyUtils.compareKeys(keys.get(user), key));
        server.start();
    }

    /** A user with a password whose home (with inbox/) is the given folder. */
    void addUser(String user, String password, Path home) throws IOException {
        passwords.put(user, password);
        files.setUserHomeDir(user, Files.createDirectories(home.resolve("inbox")).getParent());
    }

    void addKeyUser(String user, PublicKey key, Path home) throws IOException {
        keys.put(user, key);
        files.setUserHomeDir(user, Files.createDirectories(home.resolve("inbox")).getParent());
    }

    int port() {
        return server.getPort();
    }

    /** This server's known_hosts line, as {@code ssh-keyscan -p PORT 127.0.0.1} gives it. */
    String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
