package dev.customsgateway.signing;

import org.w3c.dom.Document;

/**
 * For tests of other packages that check unsigned messages against schemas where the signature is mandatory
 * (CEB621, ...): signs a document in place the way the gateway does (the signature where the schema expects it),
 * with a throw-away test key. The signature proves nothing about the document; it only completes its shape.
 */
public final class SchemaCheckSignature {

    private SchemaCheckSignature() {
    }

    public static void sign(Document document, boolean export) {
        try {
            EnvelopedSigner.sign(document, SignatureProfile.CN_RSA_SHA1,
                    TestKeys.validFor(SignatureProfile.CN_RSA_SHA1).signingKey(), SignatureOptions.DEFAULTS, export);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the document for the schema check", e);
        }
    }
}
