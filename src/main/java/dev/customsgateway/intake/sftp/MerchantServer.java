package dev.customsgateway.intake.sftp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * One SFTP session with a merchant's own server (Apache MINA SSHD client), opened by {@link SftpPoller} for
 * one poll. The host key must match the merchant's pinned known-hosts entry; neither the user's
 * {@code ~/.ssh/known_hosts}, {@code ~/.ssh/config} nor its keys play any part. Credentials come from the
 * files or the environment variable the source names and are never logged.
 */
final class MerchantServer implements Closeable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final SshClient client;
    private final ClientSession session;
    private final SftpClient sftp;

    private MerchantServer(SshClient client, ClientSession session, SftpClient sftp) {
        this.client = client;
        this.session = session;
        this.sftp = sftp;
    }

    /** Connects and logs in; an IOException names the reason (refused host key, failed login, no route). */
    static MerchantServer open(PollSources.Source source) throws IOException {
        PinnedHostKeys hostKeys = new PinnedHostKeys(source.host(), source.port(), source.knownHosts());
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(hostKeys);
        client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
        client.setKeyIdentityProvider(source.privateKeyFile() == null ? KeyIdentityProvider.EMPTY_KEYS_PROVIDER
                : new FileKeyPairProvider(source.privateKeyFile()));
        client.start();
        ClientSession session = null;
        try {
            session = client.connect(source.username(), source.host(), source.port()).verify(TIMEOUT).getSession();
            String password = password(source);
            if (password != null) {
                session.addPasswordIdentity(password);
            }
            session.auth().verify(TIMEOUT);
            return new MerchantServer(client, session, SftpClientFactory.instance().createSftpClient(session));
        } catch (IOException | RuntimeException e) {
            if (session != null) {
                session.close(true);
            }
            client.stop();
            if (hostKeys.refusal() != null) {
                throw new IOException(hostKeys.refusal() + "; nothing fetched", e);
            }
            throw new IOException("cannot log in to " + source.address() + " as " + source.username() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String password(PollSources.Source source) throws IOException {
        if (source.passwordFile() != null) {
            return Files.readString(source.passwordFile(), StandardCharsets.UTF_8).strip();
        }
        if (source.passwordEnv() != null && !source.passwordEnv().isBlank()) {
            String value = System.getenv(source.passwordEnv());
            if (value == null) {
                throw new IOException("the environment variable " + source.passwordEnv() + " is not set");
            }
            return value;
        }
        return null;
    }

    /** Regular files directly in the folder. */
    List<Entry> files(String dir) throws IOException {
        List<Entry> files = new ArrayList<>();
        for (SftpClient.DirEntry e : sftp.readDir(dir)) {
            SftpClient.Attributes a = e.getAttributes();
            if (a.isRegularFile()) {
                files.add(new Entry(e.getFilename(), a.getSize(),
                        a.getModifyTime() == null ? 0 : a.getModifyTime().toMillis()));
            }
        }
        return files;
    }

    /** The file's size and modification time now. */
    Entry stat(String path) throws IOException {
        SftpClient.Attributes a = sftp.stat(path);
        String name = path.substring(path.lastIndexOf('/') + 1);
        return new Entry(name, a.getSize(), a.getModifyTime() == null ? 0 : a.getModifyTime().toMillis());
    }

    String readSmall(String path, int maxBytes) throws IOException {
        try (InputStream in = sftp.read(path)) {
            return new String(in.readNBytes(maxBytes + 1), StandardCharsets.ISO_8859_1);
        }
    }

    void download(String path, Path local) throws IOException {
        try (InputStream in = sftp.read(path)) {
            Files.copy(in, local);
        }
    }

    /** Moves a file, adding -2, -3 ... before the extension when the target name is taken; returns the name used. */
    String move(String from, String dir, String name) throws IOException {
        ensureDir(dir);
        for (int n = 1; n < 100; n++) {
            int dot = name.lastIndexOf('.');
            String candidate = n == 1 ? name
                    : dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
            if (!exists(dir + "/" + candidate)) {
                sftp.rename(from, dir + "/" + candidate);
                return candidate;
            }
        }
        throw new IOException("no free name for " + name + " in " + dir);
    }

    void remove(String path) throws IOException {
        sftp.remove(path);
    }

    /** Writes a file whole: under a hidden temporary name first, then renamed over any older one. */
    void put(String dir, String name, byte[] content) throws IOException {
        ensureDir(dir);
        String tmp = dir + "/." + name + ".part";
        try (OutputStream out = sftp.write(tmp)) {
            out.write(content);
        }
        if (exists(dir + "/" + name)) {
            sftp.remove(dir + "/" + name);
        }
        sftp.rename(tmp, dir + "/" + name);
    }

    boolean exists(String path) throws IOException {
        try {
            sftp.lstat(path);
            return true;
        } catch (SftpException e) {
            int status = e.getStatus();
            if (status == SftpConstants.SSH_FX_NO_SUCH_FILE || status == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return false;
            }
            throw e;
        }
    }

    private void ensureDir(String dir) throws IOException {
        if (!exists(dir)) {
            sftp.mkdir(dir);
        } else if (!sftp.stat(dir).isDirectory()) {
            throw new IOException(dir + " on the merchant's server is not a folder");
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sftp.close();
            session.close();
        } finally {
            client.stop();
        }
    }

    /** A file in a remote folder: name, size in bytes, last modification (epoch ms). */
    record Entry(String name, long size, long modified) {
    }
}
