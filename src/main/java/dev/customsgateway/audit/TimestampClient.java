package dev.customsgateway.audit;

import dev.customsgateway.core.Sha256;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Asks an RFC 3161 time-stamping authority to time-stamp a checkpoint signature, over HTTP
 * ({@code application/timestamp-query}), and checks the reply before it is kept: granted, answering this
 * request (imprint and nonce), signed by the configured authority. {@link CheckpointSigner} uses it when
 * {@code gateway.audit.tsa-url} is set.
 */
final class TimestampClient {

    private static final int MAX_REPLY_BYTES = 256 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final TimestampCheck check;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TimestampClient(URI url, TimestampCheck check) {
        this.url = url;
        this.check = check;
    }

    /** A verified token (DER) over SHA-256 of {@code data}. */
    byte[] timestamp(byte[] data) throws IOException, TSPException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true); // the token carries the authority's certificate, for offline checks
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, Sha256.newDigest().digest(data),
                new BigInteger(64, RANDOM));
        HttpRequest post = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build();
        HttpResponse<byte[]> reply;
        try {
            reply = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the time-stamping authority", e);
        }
        if (reply.statusCode() != 200 || reply.body().length > MAX_REPLY_BYTES) {
            throw new IOException("time-stamping authority answered HTTP " + reply.statusCode());
        }
        TimeStampResponse response = new TimeStampResponse(reply.body());
        response.validate(request); // status granted, imprint, nonce and policy match the request
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new TSPException("time-stamping authority refused: " + response.getStatusString());
        }
        check.verify(token.getEncoded(), data);
        return token.getEncoded();
    }
}
