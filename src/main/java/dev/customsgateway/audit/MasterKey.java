package dev.customsgateway.audit;

import dev.customsgateway.core.SecretFiles;
import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The master key (AES-256) that wraps the content store's data keys ({@link DataKeys}). It never enters the
 * database: it comes from {@code GATEWAY_AUDIT_MASTER_KEY} (base64 or hex of 32 bytes) or from an owner-only file
 * ({@code gateway.audit.master-key-file}), which is created on first use only while no data key exists yet, so
 * that a lost or misplaced key file is reported instead of silently replaced. Its value is never logged; only its
 * id (a digest prefix) is stored beside each wrapped key.
 */
@Component
class MasterKey {

    static final String ENVIRONMENT_VARIABLE = "GATEWAY_AUDIT_MASTER_KEY";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

    private final Path file;
    private final String fromEnvironment;
    private volatile SecretKey key;

    @Autowired
    MasterKey(AuditProperties properties, Environment environment) {
        this(properties.masterKeyFile(), environment.getProperty(ENVIRONMENT_VARIABLE));
    }

    MasterKey(Path file, String fromEnvironment) {
        this.file = file.toAbsolutePath();
        this.fromEnvironment = fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment.strip();
    }

    /** The key; created in its file when {@code mayCreate} and neither the variable nor the file gives one. */
    synchronized SecretKey get(boolean mayCreate) {
        if (key != null) {
            return key;
        }
        if (fromEnvironment != null) {
            key = decode(fromEnvironment.getBytes(StandardCharsets.US_ASCII), ENVIRONMENT_VARIABLE);
            return key;
        }
        if (!Files.exists(file)) {
            if (!mayCreate) {
                throw new IllegalStateException("the master key is missing: neither " + ENVIRONMENT_VARIABLE
                        + " nor " + file + " gives it, and data keys wrapped by it exist. Restore the key file"
                        + " from its backup: without it the stored artefacts cannot be read");
            }
            LOG.warn("Creating the master key of the content store in {} (owner-only). Back it up apart from the"
                    + " database: losing it loses every stored artefact", file);
        }
        try {
            key = decode(SecretFiles.readOrCreate(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key file " + file, e);
        }
        return key;
    }

    /** Whether the key comes from {@code GATEWAY_AUDIT_MASTER_KEY} rather than the key file. */
    boolean fromEnvironment() {
        return fromEnvironment != null;
    }

    /** Forgets the key read, so the next use reads the file again (after a rotation). */
    synchronized void forget() {
        key = null;
    }

    /** A fresh random master key (AES-256). */
    static SecretKey generate() {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        return new SecretKeySpec(raw, "AES");
    }

    /** The key as it is written to the key file (hex). */
    static String encode(SecretKey key) {
        return HexFormat.of().formatHex(key.getEncoded());
    }

    /** A short public id of the key, stored with each wrapped data key to tell which master key wrapped it. */
    static String idOf(SecretKey key) {
        return Sha256.hex(("customs-gateway/master-key-id/v1:" + HexFormat.of().formatHex(key.getEncoded()))
                .getBytes(StandardCharsets.US_ASCII)).substring(0, 16);
    }

    Path file() {
        return file;
    }

    private static SecretKey decode(byte[] text, String source) {
        String value = new String(text, StandardCharsets.US_ASCII).strip();
        byte[] raw;
        try {
            raw = value.length() == 64 ? HexFormat.of().parseHex(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key in " + source + " is neither hex nor base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException("the master key in " + source + " must be 32 bytes (AES-256), not "
                    + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    @Override
    public String toString() {
        return "MasterKey[" + (fromEnvironment != null ? ENVIRONMENT_VARIABLE : file) + "]";
    }
}
