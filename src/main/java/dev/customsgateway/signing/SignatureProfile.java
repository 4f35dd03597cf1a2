package dev.customsgateway.signing;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.Optional;

/**
 * The XML-DSig profiles the gateway signs and verifies with, each carrying its algorithm URIs. Canonicalisation
 * is always inclusive C14N without comments and the only transform is enveloped-signature (GACC 202205
 * section 6). {@link #DEFAULT} is the one named default; no library default is ever taken.
 */
enum SignatureProfile {

    /** GACC's preferred profile since 2022: SM2 signature over SM3, chinaport URIs. */
    CN_SM2_SM3(Uris.CHINAPORT_SM2_SM3, Uris.CHINAPORT_SM3, KeyType.SM2, "SM3withSM2"),

    /**
     * GACC's RSA profile: rsa-sha1 with a sha1 digest. SHA-1 is the authority's rule for this profile, not our
     * choice; it is allowed nowhere else but {@link #CN_SM2_COMPAT}.
     */
    CN_RSA_SHA1("http://www.w3.org/2000/09/xmldsig#rsa-sha1", Uris.SHA1, KeyType.RSA, "SHA1withRSA"),

    /**
     * The non-standard form some e-ports are reported to tolerate (a W3C-namespace sm2-sm3 URI and a SHA-1
     * digest). Only by explicit per-destination setting, and verified only when explicitly allowed.
     */
    CN_SM2_COMPAT("http://www.w3.org/2000/09/xmldsig#sm2-sm3", Uris.SHA1, KeyType.SM2, "SM3withSM2"),

    /** For partners and the gateway's own evidence; China customs does not accept it. */
    RSA_SHA256("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", Uris.SHA256, KeyType.RSA, "SHA256withRSA"),

    /** For partners and the gateway's own evidence; China customs does not accept it. */
    ECDSA_P256_SHA256("http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", Uris.SHA256, KeyType.EC_P256,
            "SHA256withECDSA");

    static final SignatureProfile DEFAULT = CN_SM2_SM3;
    static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    final String signatureUri;
    final String digestUri;
    final KeyType keyType;
    /** The JCA name of the same signature, for the raw-rate benchmark and error messages. */
    final String jcaSignature;

    SignatureProfile(String signatureUri, String digestUri, KeyType keyType, String jcaSignature) {
        this.signatureUri = signatureUri;
        this.digestUri = digestUri;
        this.keyType = keyType;
        this.jcaSignature = jcaSignature;
    }

    /** The profile a merchant or destination names; blank means {@link #DEFAULT}. */
    static SignatureProfile named(String name) {
        if (name == null || name.isBlank()) {
            return DEFAULT;
        }
        try {
            return valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown signature profile '" + name + "'; known: "
                    + Arrays.toString(values()), e);
        }
    }

    /** The profile with exactly these signature and digest URIs, if any: everything else is not allowed. */
    static Optional<SignatureProfile> of(String signatureUri, String digestUri) {
        return Arrays.stream(values())
                .filter(p -> p.signatureUri.equals(signatureUri) && p.digestUri.equals(digestUri))
                .findFirst();
    }

    boolean isSm2() {
        return keyType == KeyType.SM2;
    }

    /** Fails clearly when the key cannot make (or check) this profile's signature. */
    void requireKey(PublicKey key, String keyDescription) {
        KeyType actual = KeyType.of(key);
        if (actual != keyType) {
            throw new IllegalArgumentException("signature profile " + this + " needs a " + keyType + " key, but "
                    + keyDescription + " is " + actual);
        }
    }

    /** URIs used by more than one profile (the chinaport ones from SPEC22 section 6). */
    static final class Uris {
        static final String CHINAPORT_SM2_SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm2-sm3";
        static final String CHINAPORT_SM3 = "http://www.chinaport.gov.cn/2022/04/xmldsig#sm3";
        static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
        static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";

        private Uris() {
        }
    }
}
