package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The embedded SFTP server (Apache MINA SSHD) merchants upload to. SFTP only: no shell, no exec, no SCP, no
 * port, agent or X11 forwarding. Its host key (ECDSA P-256) is generated on first start and kept, so clients
 * can pin it. Started early in the lifecycle, before Camel's consumers, and not at all for operator commands.
 */
@Component
class SftpServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SftpServer.class);
    /** Before Camel (whose context starts late) and the web server. */
    static final int PHASE = -1000;

    private final SftpProperties properties;
    private final AccountAuthenticator authenticator;
    private final MerchantFileSystemFactory fileSystems;
    private final InboxOnlyAccessor accessor;
    private final UploadCompletion completion;
    private final boolean commandMode;
    private volatile SshServer server;

    SftpServer(SftpProperties properties, AccountAuthenticator authenticator, MerchantFileSystemFactory fileSystems,
            InboxOnlyAccessor accessor, UploadCompletion completion,
            @Value("${gateway.commands.active:false}") boolean commandMode) {
        this.properties = properties;
        this.authenticator = authenticator;
        this.fileSystems = fileSystems;
        this.accessor = accessor;
        this.completion = completion;
        this.commandMode = commandMode;
    }

    @Override
    public void start() {
        SshServer sshd = SshServer.setUpDefaultServer();
        sshd.setHost(properties.host());
        sshd.setPort(properties.port());
        sshd.setKeyPairProvider(hostKey(properties.hostKey()));
        sshd.setPasswordAuthenticator(authenticator);
        sshd.setPublickeyAuthenticator(authenticator);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setGSSAuthenticator(null);
        sshd.setHostBasedAuthenticator(null);
        sshd.setShellFactory(null);
        sshd.setCommandFactory(null);
        sshd.setAgentFactory(null);
        sshd.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
        sshd.setFileSystemFactory(fileSystems);
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(accessor)
                .withSftpErrorStatusDataHandler(new RefusalMessages())
                .build();
        sftp.addSftpEventListener(completion);
        sshd.setSubsystemFactories(List.of(sftp));
        CoreModuleProperties.IDLE_TIMEOUT.set(sshd, properties.idleTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(sshd, Duration.ofSeconds(60));
        CoreModuleProperties.MAX_AUTH_REQUESTS.set(sshd, 10);
        CoreModuleProperties.SERVER_IDENTIFICATION.set(sshd, "CustomsGateway");
        try {
            sshd.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the SFTP server on " + properties.host() + ":"
                    + properties.port(), e);
        }
        server = sshd;
        LOG.info("SFTP intake listening on {}:{}", properties.host(), sshd.getPort());
    }

    @Override
    public void stop() {
        SshServer sshd = server;
        server = null;
        if (sshd != null) {
            try {
                sshd.stop(false);
            } catch (IOException e) {
                LOG.warn("SFTP server did not stop cleanly", e);
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isStarted();
    }

    @Override
    public boolean isAutoStartup() {
        return properties.enabled() && !commandMode;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The port actually bound (differs from the setting when that is 0). */
    int port() {
        SshServer sshd = server;
        return sshd == null ? -1 : sshd.getPort();
    }

    static KeyPairProvider hostKey(Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of the SFTP host key " + file, e);
        }
        SimpleGeneratorHostKeyProvider provider = new SimpleGeneratorHostKeyProvider(file);
        provider.setAlgorithm("EC");
        provider.setKeySize(256);
        provider.setStrictFilePermissions(true);
        return provider;
    }
}
