package dev.customsgateway.signing;

/**
 * The XML-DSig profiles the gateway signs with, each carrying its algorithm URIs. Canonicalisation is always
 * inclusive C14N without comments and the transform is always enveloped-signature (GACC 202205 section 6).
 */
enum SignatureProfile {

    /**
     * GACC's RSA profile: rsa-sha1 with a sha1 digest. SHA-1 is the authority's rule for this profile, not our
     * choice; it is allowed nowhere else.
     */
    CN_RSA_SHA1("http://www.w3.org/2000/09/xmldsig#rsa-sha1", "http://www.w3.org/2000/09/xmldsig#sha1", "RSA");

    static final String C14N = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
    static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    final String signatureUri;
    final String digestUri;
    final String keyAlgorithm;

    SignatureProfile(String signatureUri, String digestUri, String keyAlgorithm) {
        this.signatureUri = signatureUri;
        this.digestUri = digestUri;
        this.keyAlgorithm = keyAlgorithm;
    }
}
