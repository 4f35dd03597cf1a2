package dev.customsgateway.console;

import dev.customsgateway.core.PasswordHasher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Login, logout and the console's front door. A failed login says only "wrong username or password"; after
 * {@code gateway.console.max-login-failures} failures the username is refused from that address without the
 * password being checked. Every login, failure and logout is in the access log (never the password).
 */
@Controller
class LoginController {

    private static final String LOGIN_FAILED = "Wrong username or password.";
    private static final int LOGIN_FORM_SECONDS = 1800;

    private final ConsoleUsers users;
    private final PasswordHasher hasher;
    private final ConsoleSessions sessions;
    private final LoginThrottle throttle;
    private final ConsoleAccess access;
    private final ConsoleProperties properties;
    private final Clock clock;

    LoginController(ConsoleUsers users, PasswordHasher hasher, ConsoleSessions sessions, LoginThrottle throttle,
            ConsoleAccess access, ConsoleProperties properties, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.access = access;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/console/login")
    @ResponseBody
    ResponseEntity<String> form(HttpServletRequest request, HttpServletResponse response,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) {
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType(
                "text/html;charset=UTF-8")).body(loginPage(request, response, nonce, null));
    }

    @PostMapping("/console/login")
    @ResponseBody
    ResponseEntity<String> login(HttpServletRequest request, HttpServletResponse response,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce,
            @RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password) {
        String address = request.getRemoteAddr();
        String name = username.strip();
        if (name.isEmpty() || name.length() > 64 || password.length() > 1024) {
            return refused(request, response, nonce, HttpStatus.UNAUTHORIZED, LOGIN_FAILED);
        }
        if (throttle.blocked(name, address)) {
            access.record(name, null, ConsoleAction.LOGIN_THROTTLED, null, address);
            return refused(request, response, nonce, HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed logins: try again later.");
        }
        var stored = users.passwordHashOfEnabled(name);
        if (stored.isEmpty() || !hasher.matches(password, stored.get())) {
            if (stored.isEmpty()) {
                hasher.burn(password); // an unknown name costs the same time as a wrong password
            }
            throttle.failed(name, address);
            access.record(name, null, ConsoleAction.LOGIN_FAILED, null, address);
            return refused(request, response, nonce, HttpStatus.UNAUTHORIZED, LOGIN_FAILED);
        }
        throttle.succeeded(name, address);
        ConsoleUser user = users.find(name).orElseThrow();
        ConsoleSession session = sessions.start(user);
        users.loggedIn(name, OffsetDateTime.now(clock));
        access.record(session, ConsoleAction.LOGIN, null, address);
        ConsoleFilter.SessionCookies.setSession(request, response, session.id(),
                properties.sessionMaxAge().toSeconds());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, home(user.role())).build();
    }

    @PostMapping("/console/logout")
    ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session) {
        sessions.end(session.id());
        access.record(session, ConsoleAction.LOGOUT, null, request.getRemoteAddr());
        ConsoleFilter.SessionCookies.setSession(request, response, "", 0);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, ConsoleFilter.LOGIN_PATH)
                .build();
    }

    @GetMapping({"/console", "/console/"})
    ResponseEntity<Void> home(@RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, home(session.role())).build();
    }

    private static String home(ConsoleRole role) {
        return role == ConsoleRole.ADMINISTRATOR ? "/console/admin/users" : "/console/search";
    }

    private ResponseEntity<String> refused(HttpServletRequest request, HttpServletResponse response, String nonce,
            HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.parseMediaType(
                "text/html;charset=UTF-8")).body(loginPage(request, response, nonce, message));
    }

    /** The form, with a fresh login CSRF token in a cookie and in the form (both must come back together). */
    private static String loginPage(HttpServletRequest request, HttpServletResponse response, String nonce,
            String error) {
        String token = ConsoleSessions.randomToken();
        ConsoleFilter.SessionCookies.setLoginToken(request, response, token, LOGIN_FORM_SECONDS);
        return Page.bare("Log in", nonce, "<h1>Log in</h1>"
                + (error == null ? "" : "<p class=\"error\" id=\"login-error\">" + Html.esc(error) + "</p>")
                + "<form method=\"post\" action=\"/console/login\" id=\"login-form\">"
                + "<input type=\"hidden\" name=\"" + ConsoleFilter.CSRF_PARAMETER + "\" value=\"" + Html.esc(token) + "\">"
                + "<p><label>Username<br><input name=\"username\" id=\"username\" autocomplete=\"username\" required"
                + " maxlength=\"64\"></label></p>"
                + "<p><label>Password<br><input type=\"password\" name=\"password\" id=\"password\""
                + " autocomplete=\"current-password\" required></label></p>"
                + "<p><button type=\"submit\" id=\"login\">Log in</button></p></form>");
    }
}
