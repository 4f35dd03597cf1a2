package dev.customsgateway.delivery;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Set;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * POSTs the signed XML to an HTTP destination and classifies the answer: 2xx delivered; 409 with a
 * duplicate-guid answer already delivered (a re-send after a crash); network errors, timeouts, 5xx, 408, 425 and
 * 429 worth retrying (honouring {@code Retry-After}); any other 4xx refused for good.
 */
@Component
class HttpTransport implements Transport {

    static final String DUPLICATE_MARKER = "DUPLICATE_GUID";
    private static final Set<Integer> RETRYABLE_4XX = Set.of(408, 425, 429);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Environment environment;

    HttpTransport(Environment environment) {
        this.environment = environment;
    }

    @Override
    public TransportResult send(OutboxItem item, DeliveryProperties.Destination destination, byte[] message) {
        HttpRequest request = HttpRequest.newBuilder(destination.uri(environment.getProperty("local.server.port", "8080")))
                .timeout(destination.requestTimeout())
                .header("Content-Type", "application/xml; charset=UTF-8")
                .header("X-Message-Guid", item.guid())
                .header("X-Message-Type", item.messageType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(message))
                .build();
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return classify(response);
        } catch (HttpTimeoutException e) {
            return TransportResult.retry(null, new byte[0], null, "timed out after " + destination.requestTimeout());
        } catch (IOException e) {
            return TransportResult.retry(null, new byte[0], null, "network error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TransportResult.retry(null, new byte[0], null, "interrupted");
        }
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
