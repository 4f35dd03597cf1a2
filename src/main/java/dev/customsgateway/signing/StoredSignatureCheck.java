package dev.customsgateway.signing;

import dev.customsgateway.core.SignatureCheck;
import org.springframework.stereotype.Component;

/**
 * {@link SignatureCheck} through the one verifier ({@link XmlSignatureVerifier}): the stored bytes are parsed
 * securely and verified against the certificate of the alias from our key store, never one in the document.
 */
@Component
class StoredSignatureCheck implements SignatureCheck {

    private final XmlSignatureVerifier verifier;
    private final SigningKeys keys;

    StoredSignatureCheck(XmlSignatureVerifier verifier, SigningKeys keys) {
        this.verifier = verifier;
        this.keys = keys;
    }

    @Override
    public Result check(byte[] signedXml, String keyAlias) {
        try {
            XmlSignatureVerifier.VerifiedSignature verified = verifier.verify(signedXml,
                    keys.get(keyAlias).certificate(), XmlSignatureVerifier.DEFAULT_ALLOWED);
            return new Result(true, "verified: " + verified);
        } catch (SignatureRejectedException e) {
            return new Result(false, "does not verify: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Result(false, "cannot be checked with key " + keyAlias + ": " + e.getMessage());
        }
    }
}
