package dev.customsgateway.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/oauth2/token}: the client-credentials grant (RFC 6749 4.4) of the sandbox authority. The
 * client authenticates with HTTP Basic or with {@code client_id}/{@code client_secret} form fields; a wrong one
 * gets 401 {@code invalid_client}, another grant 400 {@code unsupported_grant_type}. Tokens are opaque and
 * short-lived ({@link SandboxTokens}); the answer is never cached by intermediaries.
 */
@RestController
@ConditionalOnProperty(name = "gateway.sandbox.enabled", havingValue = "true")
class SandboxTokenController {

    private final SandboxTokens tokens;

    SandboxTokenController(SandboxTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/sandbox/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestHeader(name = "Authorization", required = false)
            String authorization, @RequestBody MultiValueMap<String, String> form) {
        String[] client = basic(authorization);
        if (client == null) {
            client = new String[] {form.getFirst("client_id"), form.getFirst("client_secret")};
        }
        if (!tokens.authenticates(client[0], client[1])) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Basic")
                    .header("Cache-Control", "no-store").body(Map.of("error", "invalid_client"));
        }
        if (!"client_credentials".equals(form.getFirst("grant_type"))) {
            return ResponseEntity.badRequest().body(Map.of("error", "unsupported_grant_type"));
        }
        SandboxTokens.Issued issued = tokens.issue();
        String scope = form.getFirst("scope");
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(Map.of(
                "access_token", issued.token(), "token_type", "bearer",
                "expires_in", issued.lifetime().toSeconds(), "scope", scope == null ? "" : scope));
    }

    /** Client id and secret from {@code Authorization: Basic} (both form-URL-encoded, RFC 6749 2.3.1). */
    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? null : new String[] {decode(pair.substring(0, colon)), decode(pair.substring(colon + 1))};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
