package dev.customsgateway.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        KeyStoreFile file = KeyStoreFile.open(properties);
        KeyStore store = file.store();
        List<String> added = new ArrayList<>();
        Files.createDirectories(properties.certificateDir());
        for (Map.Entry<String, KeyType> wanted : properties.developmentAliases().entrySet()) {
            if (!store.containsAlias(wanted.getKey())) {
                Issued issued = issue(wanted.getValue(), wanted.getKey(), Instant.now().minus(Duration.ofDays(1)),
                        Instant.now().plus(VALIDITY));
                store.setKeyEntry(wanted.getKey(), issued.pair().getPrivate(), file.password(),
                        new X509Certificate[] {issued.certificate()});
                writePem(properties.certificateDir().resolve(wanted.getKey() + ".pem"), issued.certificate());
                added.add(wanted.getKey() + " (" + wanted.getValue() + ")");
            }
        }
        if (!added.isEmpty()) {
            file.save();
            LOG.warn("Generated DEVELOPMENT signing keys {} in {} (certificates in {}); do not declare with them",
                    added, file.path(), properties.certificateDir().toAbsolutePath());
        }
    }

    /** A key pair of the given type with a self-signed certificate valid between the given instants. */
    static Issued issue(KeyType type, String alias, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        return issue(type, new X500Name("CN=" + alias + " development key - not for customs, O=Customs Gateway"),
                notBefore, notAfter);
    }

    /** A key pair of the given type, self-signed for the subject (a placeholder until the CA's certificate). */
    static Issued issue(KeyType type, X500Name subject, Instant notBefore, Instant notAfter)
            throws GeneralSecurityException {
        KeyPairGenerator generator = type == KeyType.SM2
                ? KeyPairGenerator.getInstance("EC", BouncyCastle.provider())
                : KeyPairGenerator.getInstance(type.jcaAlgorithm);
        generator.initialize(type.generation, RANDOM);
        KeyPair pair = generator.generateKeyPair();
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

    /** Writes a certificate (or a certificate request) as PEM, creating the folder. */
    static void writePem(Path file, Object object) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (JcaPEMWriter writer = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            writer.writeObject(object);
        }
    }
}
