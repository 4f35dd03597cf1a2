package dev.customsgateway.signing;

import org.apache.xml.security.algorithms.JCEMapper;
import org.apache.xml.security.algorithms.SignatureAlgorithm;
import org.apache.xml.security.exceptions.XMLSecurityException;

/**
 * Initialises Apache Santuario once: base64 line breaks off (otherwise signature values and certificates are
 * wrapped with CR LF, serialised as {@code &#13;}, which some verifiers reject), and the SM2/SM3 URIs of the
 * Chinese profiles registered, since Santuario knows neither.
 */
final class Santuario {

    private static boolean registered;

    private Santuario() {
    }

    static synchronized void init() {
        if (registered) {
            return;
        }
        System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
        org.apache.xml.security.Init.init();
        BouncyCastle.provider();
        // SM3 exists only in BouncyCastle; naming the provider keeps a JDK lookup from failing first
        JCEMapper.register(SignatureProfile.Uris.CHINAPORT_SM3,
                new JCEMapper.Algorithm("", "SM3", "MessageDigest", 0, 0, "BC"));
        JCEMapper.register(SignatureProfile.Uris.CHINAPORT_SM2_SM3,
                new JCEMapper.Algorithm("EC", "SM3withSM2", "Signature"));
        JCEMapper.register(SignatureProfile.CN_SM2_COMPAT.signatureUri,
                new JCEMapper.Algorithm("EC", "SM3withSM2", "Signature"));
        try {
            SignatureAlgorithm.register(SignatureProfile.Uris.CHINAPORT_SM2_SM3, Sm2SignatureSpi.Chinaport.class);
            SignatureAlgorithm.register(SignatureProfile.CN_SM2_COMPAT.signatureUri, Sm2SignatureSpi.W3cCompat.class);
        } catch (XMLSecurityException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot register the SM2-SM3 signature with Santuario", e);
        }
        registered = true;
    }
}
