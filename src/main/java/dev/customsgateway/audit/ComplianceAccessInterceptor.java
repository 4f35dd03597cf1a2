package dev.customsgateway.audit;

import dev.customsgateway.core.Masking;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Records every authenticated call of the compliance API ({@code /api/v1/audit/**}, endpoints added later
 * included) in the {@link ComplianceAccessLog} before the call is served: the auditor credential's id, method,
 * path and query (values of personal-data parameters masked). Should the record fail, the call is refused (503):
 * nothing is read unrecorded. Calls without a valid token are refused by the controller and not recorded, since
 * anyone could otherwise grow the chain at will.
 */
@Configuration(proxyBeanMethods = false)
class ComplianceAccessInterceptor implements WebMvcConfigurer, HandlerInterceptor {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceAccessInterceptor.class);
    private static final Pattern PERSONAL = Pattern.compile("(?i).*(buyer|consignee|name|phone|address|idnumber).*");

    private final AuditorTokens tokens;
    private final ComplianceAccessLog accessLog;

    ComplianceAccessInterceptor(AuditorTokens tokens, ComplianceAccessLog accessLog) {
        this.tokens = tokens;
        this.accessLog = accessLog;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/audit/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getDispatcherType() == DispatcherType.ASYNC) {
            return true; // a streamed answer (the CSV export) completing: recorded when the call came in
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return true;
        }
        Optional<String> id = tokens.credentialId(authorization.substring("Bearer ".length()).strip());
        if (id.isEmpty()) {
            return true; // the controller answers 401
        }
        String what = request.getMethod() + " " + request.getRequestURI() + query(request);
        try {
            accessLog.record(id.get(), null, what);
            return true;
        } catch (RuntimeException e) {
            LOG.error("Could not record compliance API access by credential {}: {}; refused", id.get(), what, e);
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"status\":503,\"code\":\"ACCESS_LOG_UNAVAILABLE\","
                    + "\"detail\":\"the access could not be recorded, so it is refused\"}");
            return false;
        }
    }

    private static String query(HttpServletRequest request) {
        if (request.getQueryString() == null) {
            return "";
        }
        StringBuilder query = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                query.append(query.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(PERSONAL.matcher(name).matches() ? Masking.mask(value) : value);
            }
        });
        return query.toString();
    }
}
