package dev.customsgateway.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the development key store on first start: one RSA-2048 key with a self-signed certificate per
 * configured alias, a random key store password in an owner-only file beside it, and each certificate as PEM so
 * {@code xmlsec1} and OpenSSL can verify what the gateway signs. Never used when a key store exists.
 */
final class DevelopmentKeys {

    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentKeys.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevelopmentKeys() {
    }

    static void create(SigningProperties properties) throws IOException, GeneralSecurityException {
        char[] password = randomPassword();
        KeyStore store = KeyStore.getInstance("PKCS12", BouncyCastle.provider());
        store.load(null, null);
        Files.createDirectories(properties.certificateDir());
        for (String alias : properties.developmentAliases()) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = selfSigned(pair, alias);
            store.setKeyEntry(alias, pair.getPrivate(), password, new X509Certificate[] {certificate});
            writePem(properties.certificateDir().resolve(alias + ".pem"), certificate);
        }
        Path keystore = properties.keystore().toAbsolutePath();
        Files.createDirectories(keystore.getParent());
        Path passwordFile = properties.keystorePasswordFile().toAbsolutePath();
        writeOwnerOnly(passwordFile, new String(password).getBytes(StandardCharsets.US_ASCII));
        try (OutputStream out = Files.newOutputStream(keystore)) {
            store.store(out, password);
        }
        LOG.warn("Generated DEVELOPMENT signing keys {} in {} (certificates in {}); do not declare with them",
                properties.developmentAliases(), keystore, properties.certificateDir().toAbsolutePath());
    }

    private static X509Certificate selfSigned(KeyPair pair, String alias) throws GeneralSecurityException {
        try {
            X500Name subject = new X500Name("CN=" + alias + " development key - not for customs, O=Customs Gateway");
            Instant now = Instant.now();
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, RANDOM).abs(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                    subject, pair.getPublic());
            var signer = new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate());
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.provider())
                    .getCertificate(builder.build(signer));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("cannot self-sign the development certificate", e);
        }
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private static void writePem(Path file, X509Certificate certificate) throws IOException {
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            writer.writeObject(certificate);
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(file, content);
    }
}
