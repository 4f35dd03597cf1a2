package dev.customsgateway.console;

import dev.customsgateway.core.MerchantApiKeys;
import dev.customsgateway.core.PasswordHasher;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Administrators' pages: console users (create with a generated password shown once, enable, disable, change
 * role) and merchants (profiles, API keys listed, issued and revoked through the same service as the operator
 * API). The last enabled administrator cannot be disabled or demoted.
 */
@Controller
@ResponseBody
class AdminPages {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private final ConsoleUsers users;
    private final PasswordHasher hasher;
    private final ConsoleSessions sessions;
    private final MerchantApiKeys apiKeys;
    private final AdminViews views;
    private final ConsoleAccess access;
    private final TransactionTemplate tx;
    private final Clock clock;

    AdminPages(ConsoleUsers users, PasswordHasher hasher, ConsoleSessions sessions, MerchantApiKeys apiKeys,
            AdminViews views, ConsoleAccess access, TransactionTemplate tx, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.apiKeys = apiKeys;
        this.views = views;
        this.access = access;
        this.tx = tx;
        this.clock = clock;
    }

    @GetMapping("/console/admin/users")
    ResponseEntity<String> users(@RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) {
        return Page.of("Users", session, nonce, views.users(session, users.list(), null, null));
    }

    @PostMapping("/console/admin/users")
    ResponseEntity<String> create(HttpServletRequest request,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String merchant) {
        String name = username.strip();
        ConsoleRole r = role(role);
        String merchantId = r == ConsoleRole.MERCHANT ? merchant.strip() : null;
        String problem = !USERNAME.matcher(name).matches() ? "A username has 3 to 64 letters, digits or . _ @ -."
                : r == null ? "Choose a role."
                : users.find(name).isPresent() ? "The username " + name + " is taken."
                : r == ConsoleRole.MERCHANT && !views.merchantExists(merchantId) ? "A merchant user needs a known merchant."
                : null;
        if (problem != null) {
            return Page.status(400, "Users", session, nonce, views.users(session, users.list(), problem, null));
        }
        String password = ConsoleStartup.generated();
        users.create(name, hasher.hash(password), r, merchantId, session.username(), OffsetDateTime.now(clock));
        access.record(session, ConsoleAction.USER_CREATED, name + " " + r + (merchantId == null ? "" : " " + merchantId),
                request.getRemoteAddr());
        return Page.of("Users", session, nonce, views.users(session, users.list(), null,
                "<p>Created <strong id=\"created-user\">" + Html.esc(name) + "</strong>. Its password, shown this once:"
                        + " <span class=\"secret\" id=\"created-password\">" + Html.esc(password) + "</span></p>"));
    }

    @PostMapping("/console/admin/users/{username}/enabled")
    ResponseEntity<String> enable(HttpServletRequest request, @PathVariable String username,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce, @RequestParam boolean enabled) {
        String problem = tx.execute(status -> {
            ConsoleUser user = users.find(username).orElse(null);
            if (user == null) {
                return "No user " + username + ".";
            }
            if (!enabled && user.role() == ConsoleRole.ADMINISTRATOR && user.enabled()
                    && users.enabledAdministrators() <= 1) {
                return "The last enabled administrator cannot be disabled.";
            }
            users.setEnabled(username, enabled);
            return null;
        });
        if (problem == null) {
            if (!enabled) {
                sessions.endAllOf(username);
            }
            access.record(session, enabled ? ConsoleAction.USER_ENABLED : ConsoleAction.USER_DISABLED, username,
                    request.getRemoteAddr());
        }
        return Page.status(problem == null ? 200 : 400, "Users", session, nonce,
                views.users(session, users.list(), problem, null));
    }

    @PostMapping("/console/admin/users/{username}/role")
    ResponseEntity<String> role(HttpServletRequest request, @PathVariable String username,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String merchant) {
        ConsoleRole r = role(role);
        String merchantId = r == ConsoleRole.MERCHANT ? merchant.strip() : null;
        String problem = tx.execute(status -> {
            ConsoleUser user = users.find(username).orElse(null);
            if (user == null || r == null) {
                return "No such user or role.";
            }
            if (r == ConsoleRole.MERCHANT && !views.merchantExists(merchantId)) {
                return "A merchant user needs a known merchant.";
            }
            if (user.role() == ConsoleRole.ADMINISTRATOR && r != ConsoleRole.ADMINISTRATOR && user.enabled()
                    && users.enabledAdministrators() <= 1) {
                return "The last enabled administrator keeps its role.";
            }
            users.setRole(username, r, merchantId);
            return null;
        });
        if (problem == null) {
            sessions.endAllOf(username); // the new role applies from the next login
            access.record(session, ConsoleAction.USER_ROLE_CHANGED, username + " " + r
                    + (merchantId == null ? "" : " " + merchantId), request.getRemoteAddr());
        }
        return Page.status(problem == null ? 200 : 400, "Users", session, nonce,
                views.users(session, users.list(), problem, null));
    }

    @GetMapping("/console/admin/merchants")
    ResponseEntity<String> merchants(@RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) {
        return Page.of("Merchants", session, nonce, views.merchants());
    }

    @GetMapping("/console/admin/merchants/{merchant}/keys")
    ResponseEntity<String> keys(HttpServletRequest request, @PathVariable String merchant,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) {
        if (!views.merchantExists(merchant)) {
            return Page.status(404, "Not found", session, nonce, "<p class=\"error\">No merchant.</p>");
        }
        access.record(session, ConsoleAction.VIEWED_API_KEYS, merchant, request.getRemoteAddr());
        return Page.of("API keys", session, nonce, views.keys(session, merchant, apiKeys.list(merchant), null));
    }

    @PostMapping("/console/admin/merchants/{merchant}/keys")
    ResponseEntity<String> issue(HttpServletRequest request, @PathVariable String merchant,
            @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce, @RequestParam(defaultValue = "") String label) {
        if (!views.merchantExists(merchant)) {
            return Page.status(404, "Not found", session, nonce, "<p class=\"error\">No merchant.</p>");
        }
        String clipped = label.strip().isEmpty() ? null : label.strip().substring(0, Math.min(100, label.strip().length()));
        MerchantApiKeys.Issued issued = apiKeys.issue(merchant, clipped);
        access.record(session, ConsoleAction.API_KEY_ISSUED, merchant + " " + issued.id(), request.getRemoteAddr());
        return Page.of("API keys", session, nonce, views.keys(session, merchant, apiKeys.list(merchant),
                "<p>Issued key <code>" + Html.esc(issued.prefix()) + "…</code>. The key, shown this once: "
                        + "<span class=\"secret\" id=\"issued-key\">" + Html.esc(issued.key()) + "</span></p>"));
    }

    @PostMapping("/console/admin/merchants/{merchant}/keys/{keyId}/revoke")
    ResponseEntity<String> revoke(HttpServletRequest request, @PathVariable String merchant,
            @PathVariable String keyId, @RequestAttribute(ConsoleFilter.SESSION) ConsoleSession session,
            @RequestAttribute(ConsoleFilter.NONCE) String nonce) {
        boolean known = views.merchantExists(merchant) && apiKeys.revoke(merchant, keyId);
        if (known) {
            access.record(session, ConsoleAction.API_KEY_REVOKED, merchant + " " + keyId, request.getRemoteAddr());
        }
        List<MerchantApiKeys.Key> keys = views.merchantExists(merchant) ? apiKeys.list(merchant) : List.of();
        return Page.status(known ? 200 : 404, "API keys", session, nonce, views.keys(session, merchant, keys,
                known ? "<p id=\"revoked\">Revoked.</p>" : "<p class=\"error\">No such key.</p>"));
    }

    private static ConsoleRole role(String value) {
        try {
            return ConsoleRole.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
