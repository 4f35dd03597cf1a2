package dev.customsgateway.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/** Reads certificates with BouncyCastle: the JDK's X.509 factory cannot parse SM2 certificates. */
final class Certificates {

    private Certificates() {
    }

    /** A certificate from DER bytes or PEM text. */
    static X509Certificate parse(byte[] encoded) throws CertificateException {
        return parse(new ByteArrayInputStream(encoded));
    }

    static X509Certificate read(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        }
    }

    private static X509Certificate parse(InputStream in) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509", BouncyCastle.provider())
                .generateCertificate(in);
    }
}
