package dev.customsgateway.intake;

import dev.customsgateway.audit.ContentStore;
import dev.customsgateway.core.Merchant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/messages/{guid}}: one of the merchant's messages, with its delivery state and customs
 * timeline, and {@code .../xml}, the signed XML exactly as delivered. Another merchant's guid is a 404.
 */
@RestController
@RequestMapping("/api/v1/messages")
@Tag(name = "Messages", description = "Customs messages: delivery state, customs timeline, signed XML")
class MessageController {

    private final ApiKeyAuthenticator authenticator;
    private final MessageRepository messages;
    private final ContentStore store;

    MessageController(ApiKeyAuthenticator authenticator, MessageRepository messages, ContentStore store) {
        this.authenticator = authenticator;
        this.messages = messages;
        this.store = store;
    }

    @GetMapping("/{guid}")
    @Operation(summary = "A message's delivery state and customs receipt timeline",
            responses = @ApiResponse(responseCode = "404", description = "MESSAGE_NOT_FOUND (also another merchant's)",
                    content = @Content(mediaType = "application/problem+json",
                            schema = @Schema(implementation = ApiProblemBody.class))))
    ResponseEntity<?> message(@Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @PathVariable String guid) throws ApiKeyAuthenticator.NotAuthenticated {
        Merchant merchant = authenticator.authenticate(apiKey);
        return messages.find(merchant.id(), guid).<ResponseEntity<?>>map(m -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("guid", m.guid());
            view.put("messageType", m.messageType());
            view.put("orderNo", m.orderNo());
            view.put("submissionId", m.submissionId());
            view.put("file", m.fileName());
            view.put("delivery", Map.of("state", m.delivery(), "attempts", m.attempts(),
                    "lastError", m.lastError() == null ? "" : m.lastError()));
            view.put("customsStatus", m.customs().isEmpty() ? null : m.customs().get(m.customs().size() - 1).status());
            view.put("customs", m.customs());
            view.put("xmlUrl", "/api/v1/messages/" + m.guid() + "/xml");
            return ResponseEntity.ok(view);
        }).orElseGet(() -> notFound(guid));
    }

    @GetMapping("/{guid}/xml")
    @Operation(summary = "The signed XML exactly as delivered",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/xml",
                    schema = @Schema(type = "string"))))
    ResponseEntity<?> xml(@Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false) String apiKey,
            @PathVariable String guid) throws ApiKeyAuthenticator.NotAuthenticated, IOException {
        Merchant merchant = authenticator.authenticate(apiKey);
        var message = messages.find(merchant.id(), guid);
        if (message.isEmpty()) {
            return notFound(guid);
        }
        InputStream in = store.open(message.get().contentSha256());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .header("Content-Disposition", "attachment; filename=\"" + message.get().fileName() + "\"")
                .body(new InputStreamResource(in));
    }

    @GetMapping("/{guid}/receipts/{sha256}")
    @Operation(summary = "A customs receipt of the message, byte for byte as customs sent it",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/xml",
                    schema = @Schema(type = "string"))))
    ResponseEntity<?> receipt(@Parameter(hidden = true) @RequestHeader(name = "X-API-Key", required = false)
            String apiKey, @PathVariable String guid, @PathVariable String sha256)
            throws ApiKeyAuthenticator.NotAuthenticated, IOException {
        Merchant merchant = authenticator.authenticate(apiKey);
        var message = messages.find(merchant.id(), guid);
        boolean ours = message.isPresent() && message.get().customs().stream()
                .anyMatch(r -> r.xmlUrl().endsWith("/" + sha256));
        if (!ours) {
            return ApiProblem.of(404, "RECEIPT_NOT_FOUND", "no receipt " + sha256 + " for message " + guid);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML)
                .body(new InputStreamResource(store.open(sha256)));
    }

    private static ResponseEntity<?> notFound(String guid) {
        return ApiProblem.of(404, "MESSAGE_NOT_FOUND", "no message " + guid);
    }
}
