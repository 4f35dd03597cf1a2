package dev.customsgateway;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates for mutual-TLS tests (delivery to an HTTPS destination, the receipt callback's TLS connector), made fresh per run with BouncyCastle: a CA, a server certificate for
 * 127.0.0.1 and a client certificate it issued, plus a client certificate from a CA nobody trusts. Written as
 * PKCS12 files with random passwords in owner-only password files, as an operator would keep them.
 */
public final class TestCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    public final Path dir;
    public final Path serverKeyStore;
    public final Path clientKeyStore;
    public final Path strangerKeyStore;
    public final Path trustStore;
    public final Path passwordFile;
    public final char[] password;

    public TestCertificates(Path dir) throws Exception {
        this.dir = dir;
        this.password = HexFormat.of().formatHex(RANDOM.generateSeed(12)).toCharArray();
        this.passwordFile = dir.resolve("stores.password");
        dev.customsgateway.core.SecretFiles.writeOwnerOnly(passwordFile, new String(password));
        KeyPair caKey = rsa();
        X509Certificate ca = certificate("CN=Test customs CA", caKey, "CN=Test customs CA", caKey, true, null);
        KeyPair serverKey = rsa();
        X509Certificate server = certificate("CN=127.0.0.1", serverKey, "CN=Test customs CA", caKey, false,
                "127.0.0.1");
        KeyPair clientKey = rsa();
        X509Certificate client = certificate("CN=gateway-client,O=Customs Gateway", clientKey, "CN=Test customs CA",
                caKey, false, null);
        KeyPair strangerCaKey = rsa();
        KeyPair strangerKey = rsa();
        X509Certificate stranger = certificate("CN=stranger", strangerKey, "CN=Stranger CA", strangerCaKey, false,
                null);
        serverKeyStore = keyStore("server.p12", serverKey, server, ca);
        clientKeyStore = keyStore("client.p12", clientKey, client, ca);
        strangerKeyStore = keyStore("stranger.p12", strangerKey, stranger, null);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        trustStore = save("trust.p12", trust);
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair key, String issuer, KeyPair issuerKey,
            boolean ca, String ipAddress) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), new BigInteger(64, RANDOM).setBit(63),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))),
                new X500Name(subject), key.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (ipAddress != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.iPAddress, ipAddress)));
        }
        return new JcaX509CertificateConverter().getCertificate(builder.build(
                new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate())));
    }

    private Path keyStore(String name, KeyPair key, X509Certificate certificate, X509Certificate ca)
            throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        Certificate[] chain = ca == null ? new Certificate[] {certificate} : new Certificate[] {certificate, ca};
        store.setKeyEntry("key", key.getPrivate(), password, chain);
        return save(name, store);
    }

    private Path save(String name, KeyStore store) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }
}
