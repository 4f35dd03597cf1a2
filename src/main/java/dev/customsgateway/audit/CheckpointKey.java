package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The gateway's own checkpoint key: ECDSA P-256, generated on first start into {@code gateway.audit.key-dir}.
 * The private key is a PKCS#8 PEM file readable by the owner only; the public half is exported as a
 * self-signed certificate and as a bare public key (PEM), for auditors to keep a copy outside the gateway and
 * verify checkpoints with OpenSSL. It signs checkpoints only, never customs messages.
 */
@Component
class CheckpointKey {

    static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    static final String PRIVATE_KEY_FILE = "checkpoint-key.pem";
    static final String CERTIFICATE_FILE = "checkpoint-cert.pem";
    static final String PUBLIC_KEY_FILE = "checkpoint-public-key.pem";

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointKey.class);

    private final Path dir;

    CheckpointKey(AuditProperties properties) {
        this.dir = properties.keyDir().toAbsolutePath();
    }

    /** The key pair, created on first use. Synchronized: two first checkpoints must not make two keys. */
    synchronized KeyPair loadOrCreate() {
        try {
            if (!Files.exists(dir.resolve(PRIVATE_KEY_FILE))) {
                create();
            }
            try (Reader reader = Files.newBufferedReader(dir.resolve(PRIVATE_KEY_FILE));
                    PEMParser parser = new PEMParser(reader)) {
                Object pem = parser.readObject();
                var converter = new JcaPEMKeyConverter();
                var privateKey = pem instanceof PEMKeyPair pair
                        ? converter.getKeyPair(pair).getPrivate()
                        : converter.getPrivateKey((PrivateKeyInfo) pem);
                return new KeyPair(certificate().getPublicKey(), privateKey);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the checkpoint key in " + dir, e);
        }
    }

    /** The exported certificate, the public half the verifier trusts by default. */
    X509Certificate certificate() throws IOException {
        return readCertificate(dir.resolve(CERTIFICATE_FILE));
    }

    boolean exists() {
        return Files.exists(dir.resolve(CERTIFICATE_FILE));
    }

    Path publicKeyFile() {
        return dir.resolve(PUBLIC_KEY_FILE);
    }

    /** The id a checkpoint names its key by: SHA-256 of the DER SubjectPublicKeyInfo. */
    static String keyId(PublicKey key) {
        return Sha256.hex(key.getEncoded());
    }

    /** Reads a PEM certificate or public key (an auditor's own copy). */
    static PublicKey readPublicKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            Object pem = parser.readObject();
            if (pem instanceof X509CertificateHolder holder) {
                return new JcaX509CertificateConverter().getCertificate(holder).getPublicKey();
            }
            if (pem instanceof org.bouncycastle.asn1.x509.SubjectPublicKeyInfo info) {
                return new JcaPEMKeyConverter().getPublicKey(info);
            }
            throw new IOException(file + " holds no certificate or public key");
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate in " + file, e);
        }
    }

    static X509Certificate readCertificate(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file); PEMParser parser = new PEMParser(reader)) {
            return new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) parser.readObject());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IOException("cannot read the certificate in " + file, e);
        }
    }

    private void create() throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path tmp = dir.resolve(PRIVATE_KEY_FILE + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        writePem(tmp, new JcaPKCS8Generator(pair.getPrivate(), null)); // PKCS#8, unencrypted, owner-only
        writePem(dir.resolve(CERTIFICATE_FILE), selfSigned(pair));
        writePem(dir.resolve(PUBLIC_KEY_FILE), pair.getPublic());
        // The private key appears last, so a crash half-way leaves no key without its certificate.
        Files.move(tmp, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.warn("Generated the message-log checkpoint key (ECDSA P-256, id {}) in {}; give auditors a copy of {}",
                keyId(pair.getPublic()), dir, dir.resolve(CERTIFICATE_FILE));
    }

    private static X509Certificate selfSigned(KeyPair pair) throws GeneralSecurityException {
        X500Name subject = new X500Name("CN=Customs Gateway message-log checkpoints, O=Customs Gateway");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650 * 3))), subject,
                pair.getPublic());
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM)
                            .build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot self-sign the checkpoint certificate", e);
        }
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (Writer out = Files.newBufferedWriter(file); JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(object);
        }
    }
}
