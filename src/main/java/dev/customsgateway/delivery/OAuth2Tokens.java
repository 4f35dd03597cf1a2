package dev.customsgateway.delivery;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 client-credentials tokens for the destinations that want a bearer token (HMRC's APIs), used by
 * {@link HttpTransport}: one token per destination, kept until shortly before it expires, dropped when the
 * destination answers 401 so that the next call fetches a fresh one. A refusal by the token endpoint
 * ({@code invalid_client}, {@code invalid_scope}, ...) is permanent: retrying with the same wrong secret cannot
 * succeed. Tokens and secrets are never logged and never part of an error message.
 */
@org.springframework.stereotype.Component
class OAuth2Tokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final Clock clock;

    OAuth2Tokens(Clock clock) {
        this.clock = clock;
    }

    /** The destination's current token, fetched when there is none or it is about to expire. */
    String token(String destination, DeliveryProperties.OAuth2 settings, HttpClient client, String localPort,
            Duration timeout) throws TokenException {
        Token token = tokens.get(destination);
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = fetch(settings, client, localPort, timeout);
            tokens.put(destination, token);
        }
        return token.value();
    }

    /** Forgets the token the destination refused, unless a fresher one already replaced it. */
    void refused(String destination, String value) {
        tokens.computeIfPresent(destination, (name, token) -> token.value().equals(value) ? null : token);
    }

    private Token fetch(DeliveryProperties.OAuth2 settings, HttpClient client, String localPort, Duration timeout)
            throws TokenException {
        char[] secret;
        try {
            secret = settings.clientSecret().read();
        } catch (IllegalStateException e) {
            throw new TokenException(true, "OAuth2 client secret: " + e.getMessage());
        }
        try {
            StringBuilder form = new StringBuilder("grant_type=client_credentials");
            if (settings.scope() != null && !settings.scope().isBlank()) {
                form.append("&scope=").append(encode(settings.scope()));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(settings.tokenUri(localPort)).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "application/json");
            if (settings.clientAuthentication() == DeliveryProperties.ClientAuthentication.BASIC) {
                String pair = encode(settings.clientId()) + ":" + encode(new String(secret));
                request.header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            } else {
                form.append("&client_id=").append(encode(settings.clientId()))
                        .append("&client_secret=").append(encode(new String(secret)));
            }
            HttpResponse<byte[]> response = client.send(request.POST(HttpRequest.BodyPublishers.ofString(
                    form.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
            return read(response, settings);
        } catch (IOException e) {
            throw new TokenException(false, "OAuth2 token endpoint unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenException(false, "interrupted while fetching an OAuth2 token");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private Token read(HttpResponse<byte[]> response, DeliveryProperties.OAuth2 settings) throws TokenException {
        int status = response.statusCode();
        JsonNode body = json(response.body());
        if (status >= 500 || status == 408 || status == 429) {
            throw new TokenException(false, "OAuth2 token endpoint answered HTTP " + status);
        }
        if (status != 200) {
            String error = body.path("error").asString("");
            throw new TokenException(true, "OAuth2 token refused (HTTP " + status
                    + (error.isEmpty() ? "" : ", " + error.replaceAll("[^a-z_]", "")) + "): check client id '"
                    + settings.clientId() + "', its secret and the scope");
        }
        String value = body.path("access_token").asString("");
        if (value.isEmpty() || !"bearer".equalsIgnoreCase(body.path("token_type").asString(""))) {
            throw new TokenException(true, "OAuth2 token endpoint gave no bearer access_token");
        }
        // RFC 6749 5.1: expires_in is recommended, not required; without it, assume a short life
        long lifetime = Math.max(1, body.path("expires_in").asLong(300));
        Duration margin = settings.refreshBeforeExpiry();
        Duration half = Duration.ofSeconds(lifetime).dividedBy(2);
        Instant renewAt = clock.instant().plusSeconds(lifetime).minus(margin.compareTo(half) < 0 ? margin : half);
        return new Token(value, renewAt);
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body == null || body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
        } catch (JacksonException e) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A token and when to stop using it; {@code toString} does not show the token. */
    private record Token(String value, Instant renewAt) {
        @Override
        public String toString() {
            return "Token[****, renewAt=" + renewAt + "]";
        }
    }

    /** No token: {@code permanent} when retrying cannot help (the credentials were refused). */
    static final class TokenException extends Exception {
        private final boolean permanent;

        TokenException(boolean permanent, String message) {
            super(message);
            this.permanent = permanent;
        }

        boolean permanent() {
            return permanent;
        }
    }
}
