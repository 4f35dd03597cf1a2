package dev.customsgateway.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Guards {@code /console/**} and nothing else: security headers (a strict Content-Security-Policy with a fresh
 * nonce for the page's one inline style sheet, no scripts at all), the session cookie, the CSRF token of every
 * POST, and which role may open which pages. The API's own credentials are untouched by it.
 */
@Component
class ConsoleFilter extends OncePerRequestFilter {

    static final String SESSION = "dev.customsgateway.console.session";
    static final String NONCE = "dev.customsgateway.console.nonce";
    static final String CSRF_PARAMETER = "_csrf";
    static final String LOGIN_PATH = "/console/login";

    private final ConsoleSessions sessions;
    private final ConsoleAccess access;

    ConsoleFilter(ConsoleSessions sessions, ConsoleAccess access) {
        this.sessions = sessions;
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return !(path.equals("/console") || path.startsWith("/console/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String nonce = ConsoleSessions.randomToken();
        securityHeaders(response, nonce);
        request.setAttribute(NONCE, nonce);
        String path = path(request);
        boolean post = "POST".equalsIgnoreCase(request.getMethod());
        if (path.equals(LOGIN_PATH)) {
            if (post && !sameToken(request.getParameter(CSRF_PARAMETER), SessionCookies.loginToken(request))) {
                access.record("(anonymous)", null, ConsoleAction.CSRF_REFUSED, path, request.getRemoteAddr());
                refuse(response, 403, nonce, "The form was refused: its CSRF token is missing or wrong."
                        + " Open the login page again.");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Optional<ConsoleSession> session = sessions.resume(SessionCookies.sessionId(request));
        if (session.isEmpty()) {
            if (post) {
                refuse(response, 403, nonce, "Not logged in (or the session ended).");
            } else {
                response.sendRedirect(LOGIN_PATH);
            }
            return;
        }
        ConsoleSession s = session.get();
        if (post && !sameToken(request.getParameter(CSRF_PARAMETER), s.csrfToken())) {
            access.record(s, ConsoleAction.CSRF_REFUSED, path, request.getRemoteAddr());
            refuse(response, 403, nonce, "The form was refused: its CSRF token is missing or wrong.");
            return;
        }
        if (!allowed(s.role(), path)) {
            access.record(s, ConsoleAction.DENIED, path, request.getRemoteAddr());
            refuse(response, 403, nonce, "Your role (" + s.role().name().toLowerCase() + ") may not open this page.");
            return;
        }
        request.setAttribute(SESSION, s);
        chain.doFilter(request, response);
    }

    /**
     * Administrators manage accounts and keys and read no messages; only auditors read the access log. Anything
     * not named here is refused: a page added later must be given its roles.
     */
    static boolean allowed(ConsoleRole role, String path) {
        if (path.startsWith("/console/admin")) {
            return role == ConsoleRole.ADMINISTRATOR;
        }
        if (path.startsWith("/console/access")) {
            return role == ConsoleRole.AUDITOR;
        }
        if (path.startsWith("/console/messages") || path.startsWith("/console/search")
                || path.startsWith("/console/dashboard")) {
            return role.readsMessages();
        }
        return path.equals("/console") || path.equals("/console/") || path.equals("/console/logout");
    }

    static void securityHeaders(HttpServletResponse response, String nonce) {
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'nonce-" + nonce + "'; "
                + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static void refuse(HttpServletResponse response, int status, String nonce, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(Page.bare("Refused", nonce, "<h1>Refused</h1><p class=\"error\">"
                + Html.esc(message) + "</p><p><a href=\"/console\">Back to the console</a></p>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static boolean sameToken(String presented, String expected) {
        return presented != null && expected != null && MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The path as Spring MVC matches it (percent-decoded, {@code ;} parameters removed, within the application),
     * so that the role check sees the page the request will reach: {@code /console/%61dmin/users} is
     * {@code /console/admin/users} here too.
     */
    private static String path(HttpServletRequest request) {
        return UrlPathHelper.defaultInstance.getLookupPathForRequest(request);
    }

    /** The console's cookies: HttpOnly, SameSite=Strict, and Secure (with the {@code __Host-} prefix) on HTTPS. */
    static final class SessionCookies {
        static final String SESSION_COOKIE = "cgw_console";
        static final String SECURE_SESSION_COOKIE = "__Host-cgw_console";
        static final String LOGIN_COOKIE = "cgw_console_login";

        private SessionCookies() {
        }

        static String sessionId(HttpServletRequest request) {
            return cookie(request, request.isSecure() ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
        }

        static String loginToken(HttpServletRequest request) {
            return cookie(request, LOGIN_COOKIE);
        }

        static void setSession(HttpServletRequest request, HttpServletResponse response, String id, long maxAgeSeconds) {
            boolean secure = request.isSecure();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie
                    .from(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, id)
                    .httpOnly(true).secure(secure).sameSite("Strict").path(secure ? "/" : "/console")
                    .maxAge(maxAgeSeconds).build().toString());
        }

        static void setLoginToken(HttpServletRequest request, HttpServletResponse response, String token,
                long maxAgeSeconds) {
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(LOGIN_COOKIE, token)
                    .httpOnly(true).secure(request.isSecure()).sameSite("Strict").path(LOGIN_PATH)
                    .maxAge(maxAgeSeconds).build().toString());
        }

        private static String cookie(HttpServletRequest request, String name) {
            Cookie[] cookies = request.getCookies();
            if (cookies == null) {
                return null;
            }
            for (Cookie c : cookies) {
                if (c.getName().equals(name)) {
                    return c.getValue();
                }
            }
            return null;
        }
    }
}
