package dev.customsgateway.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * POSTs the signed XML to an HTTP destination and classifies the answer: 2xx delivered; 409 with a
 * duplicate-guid answer already delivered (a re-send after a crash); network errors, timeouts, 5xx, 408, 425 and
 * 429 worth retrying (honouring {@code Retry-After}); any other 4xx refused for good. Per destination, over
 * mutual TLS ({@link HttpClients}) and with an OAuth2 bearer token ({@link OAuth2Tokens}) when configured.
 */
@Component
class HttpTransport implements Transport {

    static final String DUPLICATE_MARKER = "DUPLICATE_GUID";
    private static final Set<Integer> RETRYABLE_4XX = Set.of(408, 425, 429);

    private final HttpClients clients;
    private final OAuth2Tokens tokens;
    private final Environment environment;

    HttpTransport(HttpClients clients, OAuth2Tokens tokens, Environment environment) {
        this.clients = clients;
        this.tokens = tokens;
        this.environment = environment;
    }

    @Override
    public TransportResult send(OutboxItem item, DeliveryProperties.Destination destination, byte[] message) {
        HttpClient client = clients.of(item.destination(), destination);
        try {
            if (destination.oauth2() == null) {
                return classify(client.send(request(item, destination, message, null),
                        HttpResponse.BodyHandlers.ofByteArray()));
            }
            return sendWithToken(client, item, destination, message);
        } catch (HttpTimeoutException e) {
            return TransportResult.retry(null, new byte[0], null, "timed out after " + destination.requestTimeout());
        } catch (IOException e) {
            return TransportResult.retry(null, new byte[0], null, networkError(e, client, destination));
        } catch (OAuth2Tokens.TokenException e) {
            return e.permanent()
                    ? new TransportResult(TransportResult.Outcome.PERMANENT, null, new byte[0], null, e.getMessage())
                    : TransportResult.retry(null, new byte[0], null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TransportResult.retry(null, new byte[0], null, "interrupted");
        }
    }

    /**
     * With a bearer token: a 401 means the token was expired or revoked before we knew; it is dropped, a fresh one
     * fetched and the message sent once more. A second 401 with a fresh token is a refusal for good.
     */
    private TransportResult sendWithToken(HttpClient client, OutboxItem item, DeliveryProperties.Destination destination,
            byte[] message) throws IOException, InterruptedException, OAuth2Tokens.TokenException {
        String port = localPort();
        for (int round = 1; ; round++) {
            String token = tokens.token(item.destination(), destination.oauth2(), client, port,
                    destination.requestTimeout());
            HttpResponse<byte[]> response = client.send(request(item, destination, message, token),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 401) {
                return classify(response);
            }
            tokens.refused(item.destination(), token);
            if (round == 2) {
                return new TransportResult(TransportResult.Outcome.PERMANENT, 401, response.body(), null,
                        "refused: HTTP 401 even with a freshly issued OAuth2 token");
            }
        }
    }

    private HttpRequest request(OutboxItem item, DeliveryProperties.Destination destination, byte[] message,
            String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(destination.uri(localPort()))
                .timeout(destination.requestTimeout())
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header("X-Message-Guid", item.guid())
                .header("X-Message-Type", item.messageType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    /** A TLS failure says so (a missing or refused client certificate, an untrusted server). */
    private String networkError(IOException e, HttpClient client, DeliveryProperties.Destination destination) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return "TLS failure: " + t.getClass().getSimpleName() + (t.getMessage() == null ? ""
                        : " " + t.getMessage());
            }
        }
        URI uri = destination.uri(localPort());
        if (destination.tls() != null && "https".equalsIgnoreCase(uri.getScheme())) {
            String tls = TlsProbe.reason(client.sslContext(), uri);
            if (tls != null) {
                return tls;
            }
        }
        return "network error: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }

    private String localPort() {
        return environment.getProperty("local.server.port", "8080");
    }

    static TransportResult classify(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        byte[] body = response.body();
        if (status >= 200 && status < 300) {
            return TransportResult.delivered(status, body);
        }
        if (status == 409 && new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(DUPLICATE_MARKER)) {
            return new TransportResult(TransportResult.Outcome.DUPLICATE, status, body, null,
                    "customs already has this guid");
        }
        if (status >= 500 || RETRYABLE_4XX.contains(status)) {
            return TransportResult.retry(status, body, retryAfter(response), "HTTP " + status);
        }
        return new TransportResult(TransportResult.Outcome.PERMANENT, status, body, null, "refused: HTTP " + status);
    }

    /** {@code Retry-After} in seconds (the HTTP-date form is rare from customs endpoints and is ignored). */
    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v.strip())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }
}
