package dev.customsgateway.signing;

import dev.customsgateway.core.GatewayCommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code keys list | generate ALIAS | import-cert ALIAS FILE}: a declarant's key life cycle in the gateway's key
 * store. {@code generate} makes the key inside the store (it never leaves it) with a placeholder self-signed
 * certificate and writes a PKCS#10 request for the certificate authority; {@code import-cert} puts the issued
 * certificate (and its chain) in place of the placeholder once it is proven to belong to that key. A running
 * gateway picks the change up on its next key-store reload.
 */
@Component
class KeysCommand implements GatewayCommand {

    private static final Duration PLACEHOLDER_VALIDITY = Duration.ofDays(90);

    private final SigningProperties properties;
    private final Environment environment;

    KeysCommand(SigningProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "keys";
    }

    @Override
    public String summary() {
        return "keys list | generate ALIAS --type=SM2|RSA|EC_P256 --subject=DN [--out=F.csr] "
                + "| import-cert ALIAS CERT.pem: manage signing keys";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandArguments arguments = CommandArguments.parse(args, Set.of("type", "subject", "out"), environment);
        List<String> words = arguments.positional();
        String action = words.isEmpty() ? "" : words.get(0);
        return switch (action) {
            case "list" -> list(out);
            case "generate" -> generate(word(words, 1, "ALIAS"), arguments, out);
            case "import-cert" -> importCertificate(word(words, 1, "ALIAS"), Path.of(word(words, 2, "CERT.pem")), out);
            default -> throw new IllegalArgumentException("expected list, generate or import-cert; got '" + action
                    + "'");
        };
    }

    private int list(PrintStream out) throws Exception {
        if (!Files.exists(properties.keystore())) {
            // opening would create the store's password file: listing must not change anything
            out.println("no key store at " + properties.keystore().toAbsolutePath());
            return 1;
        }
        KeyStore store = KeyStoreFile.open(properties).store();
        for (String alias : Collections.list(store.aliases()).stream().sorted().toList()) {
            X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
            out.printf("%-20s %-8s serial %s  valid %s .. %s  %s%n", alias, KeyType.of(certificate.getPublicKey()),
                    certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(), subject(certificate));
        }
        return 0;
    }

    private int generate(String alias, CommandArguments arguments, PrintStream out) throws Exception {
        KeyType type = KeyType.valueOf(arguments.required("type"));
        X500Name subject = new X500Name(arguments.required("subject"));
        KeyStoreFile file = KeyStoreFile.open(properties);
        if (file.store().containsAlias(alias)) {
            throw new IllegalArgumentException("the key store already has a key '" + alias
                    + "'; keys are never replaced by generate");
        }
        Instant now = Instant.now();
        DevelopmentKeys.Issued issued = DevelopmentKeys.issue(type, subject, now.minusSeconds(60),
                now.plus(PLACEHOLDER_VALIDITY));
        Path request = Path.of(arguments.option("out", properties.certificateDir().resolve(alias + ".csr").toString()));
        DevelopmentKeys.writePem(request, certificationRequest(type, subject, issued));
        file.store().setKeyEntry(alias, issued.pair().getPrivate(), file.password(),
                new Certificate[] {issued.certificate()});
        file.save();
        out.println("generated " + type + " key '" + alias + "' in " + file.path() + "; certificate request: "
                + request + " (send it to the certificate authority, then: keys import-cert " + alias + " CERT.pem)");
        return 0;
    }

    private int importCertificate(String alias, Path certificateFile, PrintStream out) throws Exception {
        List<X509Certificate> chain = readChain(certificateFile);
        KeyStoreFile file = KeyStoreFile.open(properties);
        KeyStore store = file.store();
        if (!store.isKeyEntry(alias)) {
            throw new IllegalArgumentException("the key store has no key '" + alias + "'");
        }
        X509Certificate current = (X509Certificate) store.getCertificate(alias);
        X509Certificate issued = chain.get(0);
        if (!Arrays.equals(current.getPublicKey().getEncoded(), issued.getPublicKey().getEncoded())) {
            throw new IllegalArgumentException(certificateFile + " certifies another key (subject "
                    + subject(issued) + "), not '" + alias + "'; nothing changed");
        }
        issued.checkValidity();
        PrivateKey key = (PrivateKey) store.getKey(alias, file.password());
        store.setKeyEntry(alias, key, file.password(), chain.toArray(new Certificate[0]));
        file.save();
        Path pem = properties.certificateDir().resolve(alias + ".pem");
        DevelopmentKeys.writePem(pem, issued);
        out.println("imported the certificate of '" + alias + "' (serial " + issued.getSerialNumber().toString(16)
                + ", valid until " + issued.getNotAfter().toInstant() + ", chain of " + chain.size() + "); PEM: "
                + pem);
        return 0;
    }

    private static PKCS10CertificationRequest certificationRequest(KeyType type, X500Name subject,
            DevelopmentKeys.Issued issued) throws GeneralSecurityException {
        try {
            return new JcaPKCS10CertificationRequestBuilder(subject, issued.pair().getPublic())
                    .build(new JcaContentSignerBuilder(type.certificateSignature).setProvider(BouncyCastle.provider())
                            .build(issued.pair().getPrivate()));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate request", e);
        }
    }

    private static List<X509Certificate> readChain(Path file) throws Exception {
        List<X509Certificate> chain = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509", BouncyCastle.provider())
                    .generateCertificates(in)) {
                chain.add((X509Certificate) certificate);
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no certificate");
        }
        return chain;
    }

    /** The subject in the order it was requested (CN first), as operators wrote it. */
    private static String subject(X509Certificate certificate) {
        return X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).toString();
    }

    private static String word(List<String> words, int index, String name) {
        if (words.size() <= index) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return words.get(index);
    }
}
