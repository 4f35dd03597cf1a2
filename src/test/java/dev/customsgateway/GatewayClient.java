package dev.customsgateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A merchant's system talking to the gateway over real HTTP, as tests use it. */
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public GatewayClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public HttpResponse<String> submit(String apiKey, byte[] body, String fileName) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/submissions"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        if (fileName != null) {
            request.header("X-File-Name", fileName);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts one order to {@code POST /api/v1/orders} (JSON). */
    public HttpResponse<String> postOrder(String apiKey, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/orders"))
                .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> status(String apiKey, String submissionId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/submissions/" + submissionId))
                .header("X-API-Key", apiKey).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String apiKey, String path, String accept) throws IOException,
            InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("X-API-Key", apiKey).header("Accept", accept).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Submits and waits (polling the status API, at most 30 s) until the submission is completed. */
    public JsonNode submitAndAwait(String apiKey, byte[] body, String fileName) throws Exception {
        HttpResponse<String> accepted = submit(apiKey, body, fileName);
        if (accepted.statusCode() != 202) {
            throw new AssertionError("expected 202, got " + accepted.statusCode() + ": " + accepted.body());
        }
        return awaitCompleted(apiKey, json(accepted.body()).get("submissionId").asString());
    }

    public JsonNode awaitCompleted(String apiKey, String submissionId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = json(status(apiKey, submissionId).body());
            if ("COMPLETED".equals(status.get("status").asString())) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("submission " + submissionId + " did not complete within 30 s");
    }

    /** Polls a message until the condition holds (at most 30 s). */
    public JsonNode awaitMessage(String apiKey, String guid, java.util.function.Predicate<JsonNode> condition)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = get(apiKey, "/api/v1/messages/" + guid, "application/json");
            if (response.statusCode() == 200) {
                last = json(response.body());
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("message " + guid + " did not reach the expected state within 30 s: " + last);
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
