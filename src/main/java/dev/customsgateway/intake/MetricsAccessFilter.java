package dev.customsgateway.intake;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps Actuator closed except health: {@code /actuator/health/**} is open for probes, every other
 * {@code /actuator} path (Prometheus metrics) needs the metrics token ({@code Authorization: Bearer cgm_...}),
 * which opens nothing else. Runs on the application port; a separate management port would bypass it, so there
 * bind that port to a private interface.
 */
@Configuration(proxyBeanMethods = false)
class MetricsAccessFilter {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> metricsAccess(OperatorTokens tokens) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Guard(tokens));
        registration.addUrlPatterns("/actuator", "/actuator/*");
        registration.setName("metricsAccess");
        return registration;
    }

    /** The check itself. */
    static final class Guard extends OncePerRequestFilter {

        private final OperatorTokens tokens;

        Guard(OperatorTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            // The container's normalised, decoded path (what routing uses), not the raw URI: "/actuator/health/.."
            // tricks cannot reach the metrics that way.
            String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")
                    || tokens.valid(OperatorTokens.Role.METRICS, request.getHeader("Authorization"))) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            response.setContentType("application/problem+json");
            response.getOutputStream().write(("{\"type\":\"urn:customs-gateway:problem:UNAUTHENTICATED\","
                    + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"the metrics token is required "
                    + "(Authorization: Bearer cgm_...)\",\"code\":\"UNAUTHENTICATED\"}")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }
}
