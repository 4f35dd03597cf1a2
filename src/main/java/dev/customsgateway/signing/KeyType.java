package dev.customsgateway.signing;

import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.sec.SECNamedCurves;

/**
 * The kinds of key the gateway signs with. SM2 and P-256 keys are both "EC" to the JCA, so the kind is told by
 * the curve order, which works whichever provider (BouncyCastle, the JDK, an HSM) made the key.
 */
enum KeyType {

    RSA("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), "SHA256withRSA"),
    SM2("EC", new ECGenParameterSpec("sm2p256v1"), "SM3withSM2"),
    EC_P256("EC", new ECGenParameterSpec("secp256r1"), "SHA256withECDSA");

    private static final BigInteger SM2_ORDER = GMNamedCurves.getByName("sm2p256v1").getN();
    private static final BigInteger P256_ORDER = SECNamedCurves.getByName("secp256r1").getN();

    final String jcaAlgorithm;
    final AlgorithmParameterSpec generation;
    /** How the development key's self-signed certificate is signed. */
    final String certificateSignature;

    KeyType(String jcaAlgorithm, AlgorithmParameterSpec generation, String certificateSignature) {
        this.jcaAlgorithm = jcaAlgorithm;
        this.generation = generation;
        this.certificateSignature = certificateSignature;
    }

    /** The kind of a public key; fails for keys the gateway has no profile for (DSA, P-384, Ed25519...). */
    static KeyType of(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return RSA;
        }
        if (key instanceof ECPublicKey ec) {
            BigInteger order = ec.getParams().getOrder();
            if (SM2_ORDER.equals(order)) {
                return SM2;
            }
            if (P256_ORDER.equals(order)) {
                return EC_P256;
            }
        }
        throw new IllegalArgumentException("unsupported key: " + key.getAlgorithm()
                + " (the gateway signs with RSA, SM2 or ECDSA P-256 keys)");
    }
}
