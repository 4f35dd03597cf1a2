package dev.customsgateway.signing;

import dev.customsgateway.core.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import org.w3c.dom.Document;

/** Signing and verifying in tests without Spring: the same classes the beans use. */
final class TestSigning {

    private TestSigning() {
    }

    static SigningProperties properties(SignatureOptions options) {
        return new SigningProperties(Path.of("unused.p12"), null, false, null, null, options.keyName(),
                options.sm2Encoding(), options.sm2DistinguishingId(), null, null, null);
    }

    static XmlSignatureVerifier verifier(Clock clock, SignatureOptions options) {
        return new XmlSignatureVerifier(clock, properties(options), null);
    }

    static XmlSignatureVerifier verifier() {
        return verifier(Clock.systemUTC(), SignatureOptions.DEFAULTS);
    }

    /** The fixture signed with the profile's test key, serialised and parsed again as a receiver would. */
    static byte[] signed(SignatureProfile profile, DevelopmentKeys.Issued key, SignatureOptions options) {
        try {
            Document document = Ceb311Fixture.document();
            EnvelopedSigner.sign(document, profile, key.signingKey(), options, false);
            return SecureXml.serialize(document);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] signed(SignatureProfile profile) {
        return signed(profile, TestKeys.validFor(profile), SignatureOptions.DEFAULTS);
    }

    static Document parse(byte[] xml) {
        try {
            return SecureXml.parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
