package dev.customsgateway.intake;

import dev.customsgateway.core.Merchant;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for the merchant POST endpoints. The first request with a key reserves it (an insert
 * that only one of several concurrent duplicates wins), runs, and its answer is kept with the SHA-256 of its
 * body for {@code gateway.intake.http.idempotency-retention}. A later request with the same key and the same body
 * gets that answer again and creates nothing; with a different body it is a 409. A duplicate arriving while the
 * first still runs is a 409 with {@code Retry-After}, since its answer does not exist yet.
 *
 * <p>Only answers that created something are kept (202, and a file refused after it was stored and logged);
 * a request refused before anything was stored (401, 413, 429, a malformed body) frees the key, so a corrected
 * retry with the same key goes ahead.
 */
@Component
class IdempotentRequests {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final int MAX_STORED_BODY = 20_000;

    private final IdempotencyRepository records;
    private final HttpApiProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    IdempotentRequests(IdempotencyRepository records, HttpApiProperties properties, JsonMapper json, Clock clock) {
        this.records = records;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** Runs the call once per key and body; {@code body} is the raw request body, read at most {@code limit}. */
    ResponseEntity<?> execute(Merchant merchant, String key, InputStream body, long limit, Call call)
            throws IOException {
        if (key == null) {
            return call.run(new SizeLimitedInputStream(body, limit)).response(); // nothing to compare: no digest
        }
        DigestInputStream hashed = new DigestInputStream(new SizeLimitedInputStream(body, limit), sha256());
        if (!KEY.matcher(key).matches()) {
            throw new ApiRefusal(400, "IDEMPOTENCY_KEY_INVALID",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        for (int attempt = 0; attempt < 3; attempt++) {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (records.reserve(merchant.id(), key, now, now.plus(properties.idempotencyRetention()))) {
                return first(merchant, key, hashed, call);
            }
            Optional<IdempotencyRepository.StoredAnswer> earlier = records.find(merchant.id(), key);
            if (earlier.isEmpty()) {
                continue; // released or purged in between: try to reserve again
            }
            IdempotencyRepository.StoredAnswer answer = earlier.get();
            boolean abandoned = !answer.done() && answer.createdAt().plus(properties.idempotencyLease()).isBefore(now);
            if (answer.expiresAt().isBefore(now) || abandoned) {
                records.removeStale(merchant.id(), key, answer.createdAt());
                continue;
            }
            if (!answer.done()) {
                throw new ApiRefusal(409, "IDEMPOTENCY_KEY_IN_USE", "a request with this Idempotency-Key is still "
                        + "being processed; retry to get its answer", 1);
            }
            return replay(answer, hashed);
        }
        throw new ApiRefusal(409, "IDEMPOTENCY_KEY_IN_USE", "the Idempotency-Key is contended; retry", 1);
    }

    private ResponseEntity<?> first(Merchant merchant, String key, DigestInputStream hashed, Call call)
            throws IOException {
        Answer answer;
        try {
            answer = call.run(hashed);
        } catch (IOException | RuntimeException e) {
            records.release(merchant.id(), key);
            throw e;
        }
        if (!answer.remember()) {
            records.release(merchant.id(), key);
            return answer.response();
        }
        ResponseEntity<?> response = answer.response();
        hashed.transferTo(OutputStream.nullOutputStream()); // normally at its end already
        MediaType type = response.getHeaders().getContentType();
        records.complete(merchant.id(), key, hex(hashed), response.getStatusCode().value(),
                (type == null ? MediaType.APPLICATION_JSON : type).toString(),
                response.getHeaders().getFirst(HttpHeaders.LOCATION), serialise(response.getBody()));
        return response;
    }

    private ResponseEntity<?> replay(IdempotencyRepository.StoredAnswer answer, DigestInputStream hashed)
            throws IOException {
        try {
            hashed.transferTo(OutputStream.nullOutputStream());
        } catch (SizeLimitedInputStream.TooLarge e) {
            return conflict(); // the first request was within the limit, so this body is another one
        }
        if (!hex(hashed).equals(answer.requestSha256())) {
            return conflict();
        }
        ResponseEntity.BodyBuilder replay = ResponseEntity.status(answer.status())
                .contentType(MediaType.parseMediaType(answer.contentType()))
                .header(REPLAYED_HEADER, "true");
        if (answer.location() != null) {
            replay.header(HttpHeaders.LOCATION, answer.location());
        }
        return replay.body(answer.body());
    }

    private static ResponseEntity<?> conflict() {
        throw new ApiRefusal(409, "IDEMPOTENCY_KEY_REUSED",
                "this Idempotency-Key was used with a different request body; use a new key for a new request");
    }

    /** Problem details are written flat (RFC 9457), as the MVC converters write them. */
    private String serialise(Object body) {
        Object flat = body;
        if (body instanceof ProblemDetail problem) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("type", problem.getType());
            map.put("title", problem.getTitle());
            map.put("status", problem.getStatus());
            map.put("detail", problem.getDetail());
            if (problem.getProperties() != null) {
                map.putAll(problem.getProperties());
            }
            flat = map;
        }
        String text = json.writeValueAsString(flat);
        if (text.length() > MAX_STORED_BODY) {
            throw new IllegalStateException("an answer too large to keep for idempotent replay");
        }
        return text;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(DigestInputStream hashed) {
        return HexFormat.of().formatHex(hashed.getMessageDigest().digest());
    }

    /** The work behind a POST: reads the body it is given and answers. */
    @FunctionalInterface
    interface Call {
        Answer run(InputStream body) throws IOException;
    }

    /** An answer, and whether it is kept for replays (it is when the request created something). */
    record Answer(ResponseEntity<?> response, boolean remember) {

        static Answer kept(ResponseEntity<?> response) {
            return new Answer(response, true);
        }

        static Answer notKept(ResponseEntity<?> response) {
            return new Answer(response, false);
        }
    }
}
