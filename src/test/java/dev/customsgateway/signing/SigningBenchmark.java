package dev.customsgateway.signing;

import dev.customsgateway.core.SecureXml;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;

/**
 * Documents signed per second, one thread, per profile, for the ~4 KB CEB311 fixture, beside the raw JCA
 * signature rate of the same key over the same bytes. {@code signDocument} includes copying a parsed template
 * (the pipeline hands the signer a fresh DOM); {@code copyDocument} measures that copy alone. Not a test: run it
 * with {@code ./mvnw -B -Pbench test-compile exec:exec} (README, "Testing").
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SigningBenchmark {

    @Param({"CN_SM2_SM3", "CN_RSA_SHA1", "RSA_SHA256", "ECDSA_P256_SHA256"})
    public String profileName;

    private SignatureProfile profile;
    private SigningKeys.SigningKey key;
    private Document template;
    private byte[] bytes;
    private Signature raw;

    @Setup
    public void setUp() throws Exception {
        profile = SignatureProfile.valueOf(profileName);
        key = DevelopmentKeys.issue(profile.keyType, "bench", Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30))).signingKey();
        bytes = Ceb311Fixture.bytes();
        template = Ceb311Fixture.document();
        raw = profile.isSm2() ? Signature.getInstance(profile.jcaSignature, BouncyCastle.provider())
                : Signature.getInstance(profile.jcaSignature);
        if (profile.isSm2()) {
            raw.setParameter(SignatureOptions.DEFAULTS.sm2Parameters());
        }
    }

    @Benchmark
    public Document signDocument() throws Exception {
        Document document = copy();
        EnvelopedSigner.sign(document, profile, key, SignatureOptions.DEFAULTS, false);
        return document;
    }

    @Benchmark
    public byte[] rawSignature() throws Exception {
        raw.initSign(key.privateKey());
        raw.update(bytes);
        return raw.sign();
    }

    @Benchmark
    public Document copyDocument() {
        return copy();
    }

    private Document copy() {
        Document document = SecureXml.newDocument();
        document.appendChild(document.importNode(template.getDocumentElement(), true));
        return document;
    }
}
