package dev.customsgateway.sandbox;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards the sandbox's bearer-protected submission paths ({@code gateway.sandbox.oauth2.protected-paths}, by
 * default {@code /sandbox/ceb/bearer/}): without a live token from {@link SandboxTokens} the answer is 401 with
 * {@code WWW-Authenticate: Bearer error="invalid_token"}, as RFC 6750 says, and the request goes no further.
 */
@Component
@ConditionalOnProperty(name = "gateway.sandbox.enabled", havingValue = "true")
class SandboxBearerFilter extends OncePerRequestFilter {

    private final SandboxTokens tokens;
    private final List<String> protectedPaths;

    SandboxBearerFilter(SandboxTokens tokens, SandboxProperties properties) {
        this.tokens = tokens;
        this.protectedPaths = properties.oauth2().protectedPaths();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return protectedPaths.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
        if (!tokens.valid(token)) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", token == null ? "Bearer" : "Bearer error=\"invalid_token\"");
            response.setContentType("application/json");
            response.getOutputStream().write("{\"code\":\"UNAUTHENTICATED\",\"detail\":\"a valid bearer token is required\"}"
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }
}
