package dev.customsgateway.intake;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of {@code POST /api/v1/orders}: one {@link ApiOrder} object, or an array of at most
 * {@code gateway.intake.http.max-orders-per-request}. Strict, because an API caller should learn of a typo at
 * once rather than find a field silently missing: unknown fields, duplicate fields and malformed JSON are a 400
 * {@code ORDER_JSON_INVALID} naming the place; too many orders is a 413 {@code TOO_MANY_ORDERS}.
 */
@Component
class ApiOrderReader {

    private final JsonMapper json;
    private final HttpApiProperties properties;

    ApiOrderReader(HttpApiProperties properties) {
        this.properties = properties;
        this.json = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    List<ApiOrder> read(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw invalid("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !(root.isObject() || root.isArray())) {
            throw invalid("the body must be an order object or an array of order objects");
        }
        List<JsonNode> nodes = new ArrayList<>();
        root.forEach(nodes::add);
        if (root.isObject()) {
            nodes = List.of(root);
        }
        if (nodes.isEmpty()) {
            throw invalid("the array holds no orders");
        }
        if (nodes.size() > properties.maxOrdersPerRequest()) {
            throw new ApiRefusal(413, "TOO_MANY_ORDERS", "a request may hold at most "
                    + properties.maxOrdersPerRequest() + " orders; it has " + nodes.size()
                    + " (send a file to /api/v1/submissions for more)");
        }
        List<ApiOrder> orders = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            orders.add(order(nodes.get(i), root.isArray() ? "[" + i + "]" : ""));
        }
        return orders;
    }

    private ApiOrder order(JsonNode node, String where) {
        if (!node.isObject()) {
            throw invalid("order " + where + " is not an object");
        }
        try {
            return json.treeToValue(node, ApiOrder.class);
        } catch (JacksonException e) {
            String path = where + e.getPathReference().replaceFirst("^[^\\[\"]*", "");
            throw invalid("order" + (path.isEmpty() ? "" : " at " + path) + ": " + e.getOriginalMessage());
        }
    }

    private static ApiRefusal invalid(String detail) {
        return new ApiRefusal(400, "ORDER_JSON_INVALID", detail);
    }
}
