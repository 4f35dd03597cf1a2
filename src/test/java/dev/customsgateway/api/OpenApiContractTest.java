package dev.customsgateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestMerchants;
import java.net.http.HttpResponse;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI document and the endpoints Spring actually registered must agree: every {@code /api} path and
 * method in one is in the other, every operation names its credential, and the documented shapes and examples are
 * the ones the API takes and gives.
 */
class OpenApiContractTest extends GatewayIntegrationTest {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    @Autowired
    private JdbcClient jdbc;

    @Test
    void theServedContractListsExactlyTheRegisteredApiEndpoints() {
        JsonNode document = contract();

        Set<String> documented = new TreeSet<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> HTTP_METHODS.contains(op.getKey()))
                .forEach(op -> documented.add(op.getKey().toUpperCase() + " " + path.getKey())));

        assertThat(documented).isNotEmpty().isEqualTo(registered());
    }

    @Test
    void everyOperationNamesItsCredentialAndEveryErrorIsAProblem() {
        JsonNode document = contract();
        assertThat(document.at("/components/securitySchemes").propertyNames())
                .contains("merchantApiKey", "operatorToken", "auditorToken", "receiptSignature");
        document.get("paths").properties().forEach(path -> path.getValue().properties().stream()
                .filter(op -> HTTP_METHODS.contains(op.getKey())).forEach(op -> {
                    JsonNode security = op.getValue().get("security");
                    assertThat(security).as(path.getKey()).isNotNull().hasSize(1);
                    String expected = path.getKey().startsWith("/api/v1/operator/") ? "operatorToken"
                            : path.getKey().startsWith("/api/v1/audit/") ? "auditorToken"
                            : path.getKey().startsWith("/api/v1/receipts/") ? "receiptSignature" : "merchantApiKey";
                    assertThat(security.get(0).has(expected)).as(path.getKey() + " uses " + expected).isTrue();
                }));
        assertThat(document.at("/components/schemas/Problem/required").toString()).contains("code");
        assertThat(document.at("/paths/~1api~1v1~1orders/post/responses/429/content")
                .has("application/problem+json")).isTrue();
    }

    @Test
    void theOrderSchemaIsTheCanonicalShapeAndItsExampleIsAccepted() throws Exception {
        JsonNode document = contract();
        JsonNode order = document.at("/components/schemas/ApiOrder");
        assertThat(order.get("required").toString()).contains("orderNo", "buyer", "consignee", "lines");
        assertThat(order.get("properties").propertyNames())
                .contains("orderNo", "buyer", "consignee", "payment", "amounts", "lines");
        assertThat(document.at("/components/schemas/ApiOrderLine/required").toString())
                .contains("itemName", "unit", "qty", "price", "country");
        JsonNode body = document.at("/paths/~1api~1v1~1orders/post/requestBody/content/application~1json");
        assertThat(body.at("/schema/$ref").asString()).isEqualTo("#/components/schemas/ApiOrder");
        assertThat(document.at("/components/schemas/SubmissionAccepted/properties").propertyNames())
                .contains("submissionId", "status", "contentSha256", "statusUrl");
        assertThat(document.at("/components/schemas/KeyInfo/properties").propertyNames())
                .as("a key listing shows the prefix, never the key").contains("prefix", "createdAt", "revokedAt")
                .doesNotContain("key");

        // the documented example is a real order: the API takes it and answers with the documented shape
        String example = body.at("/examples/order/value").toString();
        String key = TestMerchants.create(jdbc, TestMerchants.uniqueId("contract"), "default-csv");
        HttpResponse<String> accepted = new ApiCalls(baseUrl()).postJson("/api/v1/orders", example, "X-API-Key", key);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(GatewayClient.json(accepted.body()).propertyNames())
                .containsExactlyInAnyOrderElementsOf(document.at("/components/schemas/SubmissionAccepted/properties")
                        .propertyNames());
        JsonNode status = new GatewayClient(baseUrl())
                .awaitCompleted(key, GatewayClient.json(accepted.body()).get("submissionId").asString());
        assertThat(status.at("/orders/succeeded").asInt()).as(status.toString()).isEqualTo(1);
        assertThat(document.at("/components/schemas/SubmissionStatus/properties").propertyNames())
                .containsExactlyInAnyOrderElementsOf(status.propertyNames());
    }

    @Test
    void theContractIsOpenAndNothingElseOfTheApiIs() {
        ApiCalls api = new ApiCalls(baseUrl());
        assertThat(api.get("/v3/api-docs").statusCode()).isEqualTo(200);
        for (String endpoint : registered()) {
            String[] parts = endpoint.split(" ", 2);
            String path = parts[1].replaceAll("\\{[^}]+}", "x");
            HttpResponse<String> r = api.send(parts[0], path, parts[0].equals("GET") ? null : "{}".getBytes());
            assertThat(r.statusCode()).as(endpoint + " without credentials").isIn(401, 403);
        }
    }

    private JsonNode contract() {
        HttpResponse<String> response = new ApiCalls(baseUrl()).get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = GatewayClient.json(response.body());
        assertThat(document.get("openapi").asString()).startsWith("3.");
        return document;
    }

    /** What Spring MVC registered under /api, as "METHOD /path/{var}". */
    private Set<String> registered() {
        Set<String> registered = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as(pattern + " declares its method").isNotEmpty();
                methods.forEach(m -> registered.add(m.name() + " " + pattern));
            }
        }
        return registered;
    }
}
