package dev.customsgateway.signing;

import dev.customsgateway.core.SecretFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes development keys: for each configured alias missing from the key store, a key of the configured type
 * (RSA-2048, SM2 or ECDSA P-256) with a self-signed certificate, written as PEM beside the store so
 * {@code xmlsec1} and OpenSSL can verify what the gateway signs. A new store gets a random password in an
 * owner-only file. The store lives under the data folder, which git ignores: these keys are never committed.
 */
final class DevelopmentKeys {

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private DevelopmentKeys() {
    }

    /** Adds the missing development keys, creating the store (and its password file) when there is none. */
    static void ensure(SigningProperties properties) throws IOException, GeneralSecurityException {
        Path keystore = properties.keystore().toAbsolutePath();
        boolean exists = Files.exists(keystore);
        char[] password = exists || KeyStorePassword.inEnvironment() ? KeyStorePassword.read(properties)
                : newPassword(properties);
        KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
        if (exists) {
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, password);
            }
        } else {
            store.load(null, null);
        }
        List<String> added = new ArrayList<>();
        Files.createDirectories(properties.certificateDir());
        for (Map.Entry<String, KeyType> wanted : properties.developmentAliases().entrySet()) {
            if (!store.containsAlias(wanted.getKey())) {
                Issued issued = issue(wanted.getValue(), wanted.getKey(), Instant.now().minus(Duration.ofDays(1)),
                        Instant.now().plus(VALIDITY));
                store.setKeyEntry(wanted.getKey(), issued.pair().getPrivate(), password,
                        new X509Certificate[] {issued.certificate()});
                writePem(properties.certificateDir().resolve(wanted.getKey() + ".pem"), issued.certificate());
                added.add(wanted.getKey() + " (" + wanted.getValue() + ")");
            }
        }
        if (!added.isEmpty()) {
            write(store, keystore, password);
            LOG.warn("Generated DEVELOPMENT signing keys {} in {} (certificates in {}); do not declare with them",
                    added, keystore, properties.certificateDir().toAbsolutePath());
        }
    }

    /** A key pair of the given type with a self-signed certificate valid between the given instants. */
    static Issued issue(KeyType type, String alias, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        KeyPairGenerator generator = type == KeyType.SM2
                ? KeyPairGenerator.getInstance("EC", BouncyCastle.provider())
                : KeyPairGenerator.getInstance(type.jcaAlgorithm);
        generator.initialize(type.generation, RANDOM);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=" + alias + " development key - not for customs, O=Customs Gateway");
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, RANDOM).setBit(63),
                Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic());
        try {
            var signer = new JcaContentSignerBuilder(type.certificateSignature)
                    .setProvider(BouncyCastle.provider()).build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BouncyCastle.provider())
                    .getCertificate(builder.build(signer));
            return new Issued(pair, certificate);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot self-sign the development certificate", e);
        }
    }

    /** A generated key pair with its certificate. */
    record Issued(KeyPair pair, X509Certificate certificate) {
        SigningKeys.SigningKey signingKey() {
            return new SigningKeys.SigningKey(pair.getPrivate(), certificate);
        }
    }

    private static char[] newPassword(SigningProperties properties) throws IOException {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        SecretFiles.writeOwnerOnly(properties.keystorePasswordFile().toAbsolutePath(),
                password.getBytes(StandardCharsets.US_ASCII));
        return password.toCharArray();
    }

    private static void write(KeyStore store, Path keystore, char[] password)
            throws IOException, GeneralSecurityException {
        Files.createDirectories(keystore.getParent());
        // written aside and moved, so a running gateway reloading the store never reads half a file
        Path temporary = keystore.resolveSibling(keystore.getFileName() + ".new");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void writePem(Path file, X509Certificate certificate) throws IOException {
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            writer.writeObject(certificate);
        }
    }

}
