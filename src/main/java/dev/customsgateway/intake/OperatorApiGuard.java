package dev.customsgateway.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks the operator token before anything of an {@code /api/v1/operator} request is read: an interceptor runs
 * ahead of argument binding, so a caller without the token learns nothing (not even that its body was malformed)
 * and every operator endpoint is covered, including ones added later.
 */
@Configuration(proxyBeanMethods = false)
class OperatorApiGuard implements WebMvcConfigurer {

    private final OperatorAuthenticator authenticator;

    OperatorApiGuard(OperatorAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws OperatorAuthenticator.NotOperator {
                authenticator.authenticate(request.getHeader("Authorization"));
                return true;
            }
        }).addPathPatterns("/api/v1/operator/**");
    }
}
