package dev.customsgateway.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/operator}: what operators do over HTTP. Merchants' API keys (issue, shown once; list, never the
 * key; revoke) and the replay of dead-lettered messages. Every call needs the operator token
 * ({@code Authorization: Bearer cgo_...}), checked by {@link OperatorApiGuard} before the request is read;
 * merchants' keys and the auditor token do not open it.
 */
@RestController
@RequestMapping("/api/v1/operator")
@Tag(name = "Operator", description = "Merchant API keys and dead-letter replay (operator token)")
class OperatorController {

    private final ApiKeys apiKeys;
    private final MerchantRepository merchants;
    private final DeadLetters deadLetters;
    private final Clock clock;

    OperatorController(ApiKeys apiKeys, MerchantRepository merchants,
            DeadLetters deadLetters, Clock clock) {
        this.apiKeys = apiKeys;
        this.merchants = merchants;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    @PostMapping("/merchants/{merchantId}/api-keys")
    @Operation(summary = "Issue an API key for a merchant (shown once)", description = "The merchant's other "
            + "keys stay valid, so a merchant can rotate: issue, deploy the new key, revoke the old one.",
            responses = @ApiResponse(responseCode = "201", description = "The key, in clear this once",
                    content = @Content(mediaType = "application/json",
                            schema = @Schema(implementation = ApiKeys.IssuedKey.class),
                            examples = @ExampleObject(value = ApiExamples.ISSUED_KEY))))
    ResponseEntity<?> issue(@PathVariable String merchantId,
            @RequestBody(required = false) KeyRequest request) {
        if (!merchants.exists(merchantId)) {
            return merchantNotFound(merchantId);
        }
        String label = request == null ? null : request.label();
        if (label != null && label.length() > 100) {
            return ApiProblem.of(400, "LABEL_TOO_LONG", "a key label has at most 100 characters");
        }
        ApiKeys.IssuedKey key = apiKeys.issue(merchantId, label, OffsetDateTime.now(clock));
        return ResponseEntity.status(201).body(key);
    }

    @GetMapping("/merchants/{merchantId}/api-keys")
    @Operation(summary = "List a merchant's API keys (prefix and dates, never the key)",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = ApiKeys.KeyInfo.class)))))
    ResponseEntity<?> list(@PathVariable String merchantId) {
        if (!merchants.exists(merchantId)) {
            return merchantNotFound(merchantId);
        }
        List<ApiKeys.KeyInfo> keys = apiKeys.list(merchantId);
        return ResponseEntity.ok(keys);
    }

    @DeleteMapping("/merchants/{merchantId}/api-keys/{keyId}")
    @Operation(summary = "Revoke an API key (at once; revoking twice is harmless)",
            responses = @ApiResponse(responseCode = "204", description = "Revoked"))
    ResponseEntity<?> revoke(@PathVariable String merchantId, @PathVariable String keyId)
            {
        if (!apiKeys.revoke(merchantId, keyId, OffsetDateTime.now(clock))) {
            return ApiProblem.of(404, "API_KEY_NOT_FOUND", "merchant " + merchantId + " has no key " + keyId);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/messages/{guid}/replay")
    @Operation(summary = "Put a dead-lettered message back in the outbox with its attempts reset",
            responses = {
                @ApiResponse(responseCode = "200", description = "Back in the outbox (state PENDING)",
                        content = @Content(mediaType = "application/json", examples = @ExampleObject(
                                value = "{\"guid\": \"4f1c2b7e-9a61-4f1b-8e0a-2c3d4e5f6a7b\", \"state\": \"PENDING\"}"))),
                @ApiResponse(responseCode = "404", description = "MESSAGE_NOT_FOUND"),
                @ApiResponse(responseCode = "409", description = "MESSAGE_NOT_DEAD, or ORDER_DECLARED_AGAIN (an order"
                        + " of the message has been declared in another message since it was dead-lettered)")})
    ResponseEntity<?> replay(@PathVariable String guid) {
        DeadLetters.Outcome outcome = deadLetters.replay(guid);
        if (!outcome.found()) {
            return ApiProblem.of(404, "MESSAGE_NOT_FOUND", "no message " + guid);
        }
        if (outcome.declaredAgain() != null) {
            return ApiProblem.of(409, "ORDER_DECLARED_AGAIN", "message " + guid + " is not replayed: "
                    + outcome.declaredAgain());
        }
        if (!outcome.replayed()) {
            return ApiProblem.of(409, "MESSAGE_NOT_DEAD", "message " + guid + " is " + outcome.state()
                    + "; only dead-lettered (DEAD) messages are replayed");
        }
        return ResponseEntity.ok(Map.of("guid", guid, "state", outcome.state()));
    }

    private static ResponseEntity<?> merchantNotFound(String merchantId) {
        return ApiProblem.of(404, "MERCHANT_NOT_FOUND", "no merchant " + merchantId);
    }

    /** Body of a key request: an optional label to tell keys apart. */
    @Schema(name = "ApiKeyRequest")
    record KeyRequest(@Schema(example = "erp-2024", maxLength = 100) String label) {
    }
}
