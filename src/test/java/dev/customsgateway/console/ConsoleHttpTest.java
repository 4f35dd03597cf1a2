package dev.customsgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.core.PasswordHasher;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console's security over real HTTP (no browser, no mock): headers, cookie attributes, CSRF, login
 * throttling, escaping, and that the API's own credentials are untouched by the console's filter.
 */
class ConsoleHttpTest extends GatewayIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private PasswordHasher hasher;

    @Test
    void firstStartCreatesTheAdministratorWithAGeneratedPasswordKeptOwnerOnly() throws Exception {
        assertThat(Files.getPosixFilePermissions(DATA_DIR.resolve("console-admin.password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(DATA_DIR.resolve("console-admin.password")).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(jdbc.sql("select password_hash from console_user where username = 'admin'").query(String.class)
                .single()).startsWith("$argon2id$").doesNotContain(password);
        assertThat(logIn("admin", password).statusCode()).isEqualTo(303);
    }

    @Test
    void everyConsolePageCarriesAStrictContentSecurityPolicy() throws Exception {
        HttpResponse<String> login = get("/console/login", null);
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'")
                .contains("form-action 'self'").doesNotContain("unsafe-inline").doesNotContain("script-src")
                .doesNotContain("http:").doesNotContain("https:");
        Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(csp);
        assertThat(nonce.find()).isTrue();
        assertThat(login.body()).contains("<style nonce=\"" + nonce.group(1) + "\">").doesNotContain("<script");
        assertThat(get("/console/login", null).headers().firstValue("Content-Security-Policy").orElseThrow())
                .as("a fresh nonce per response").doesNotContain(nonce.group(1));
        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(login.headers().firstValue("Cache-Control")).contains("no-store");
        HttpResponse<String> anonymous = get("/console/search", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/console/login");
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrictAndChangesAtLogin() throws Exception {
        String user = user("AUDITOR", null);
        HttpResponse<String> login = logIn(user, ConsoleFixture.PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = sessionCookieHeader(login);
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").contains("Path=/console")
                .as("plain HTTP here: Secure is set only on HTTPS (see ConsoleCookiesTest)").doesNotContain("Secure");
        String session = cookieValue(cookie);
        assertThat(session).hasSizeGreaterThanOrEqualTo(43);
        String again = cookieValue(sessionCookieHeader(logIn(user, ConsoleFixture.PASSWORD)));
        assertThat(again).as("every login gets a new session id").isNotEqualTo(session);
        assertThat(get("/console/search", session).statusCode()).isEqualTo(200);
        assertThat(get("/console/search", "forged-" + session).statusCode()).isEqualTo(302);
    }

    @Test
    void postsWithoutTheSessionsCsrfTokenAreRefused() throws Exception {
        String user = user("AUDITOR", null);
        String session = cookieValue(sessionCookieHeader(logIn(user, ConsoleFixture.PASSWORD)));
        String page = get("/console/search", session).body();
        String token = csrf(page);

        assertThat(post("/console/logout", session, "").statusCode()).isEqualTo(403);
        assertThat(post("/console/logout", session, "_csrf=" + enc(token + "x")).statusCode()).isEqualTo(403);
        assertThat(get("/console/search", session).statusCode()).as("still logged in").isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from console_access where username = ? and action = 'CSRF_REFUSED'")
                .param(user).query(Integer.class).single()).isEqualTo(2);

        assertThat(post("/console/logout", session, "_csrf=" + enc(token)).statusCode()).isEqualTo(303);
        assertThat(get("/console/search", session).statusCode()).as("logged out").isEqualTo(302);
    }

    @Test
    void loginWithoutItsFormTokenIsRefused() throws Exception {
        String user = user("AUDITOR", null);
        HttpResponse<String> response = post("/console/login", null,
                "username=" + enc(user) + "&password=" + enc(ConsoleFixture.PASSWORD));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("cgw_console="));
    }

    @Test
    void repeatedWrongPasswordsBlockTheUsernameFromThatAddress() throws Exception {
        String user = user("AUDITOR", null);
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(user, "wrong password " + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = logIn(user, ConsoleFixture.PASSWORD);
        assertThat(blocked.statusCode()).as("refused without checking, even the right password").isEqualTo(429);
        assertThat(blocked.body()).contains("Too many failed logins");
        assertThat(jdbc.sql("select count(*) from console_access where username = ? and action = 'LOGIN_FAILED'")
                .param(user).query(Integer.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from console_access where target like ? or username like ?")
                .params("%wrong password%", "%wrong password%").query(Integer.class).single())
                .as("passwords are never logged").isZero();
    }

    @Test
    void disabledUsersCannotLogInAndLoseTheirSessions() throws Exception {
        String user = user("AUDITOR", null);
        String session = cookieValue(sessionCookieHeader(logIn(user, ConsoleFixture.PASSWORD)));
        String admin = cookieValue(sessionCookieHeader(logIn("admin",
                Files.readString(DATA_DIR.resolve("console-admin.password")).strip())));
        String token = csrf(get("/console/admin/users", admin).body());
        assertThat(post("/console/admin/users/" + user + "/enabled", admin, "_csrf=" + enc(token) + "&enabled=false")
                .statusCode()).isEqualTo(200);
        assertThat(get("/console/search", session).statusCode()).isEqualTo(302);
        assertThat(logIn(user, ConsoleFixture.PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void storedValuesAreEscapedNotRendered() throws Exception {
        String id = "esc-" + System.nanoTime();
        dev.customsgateway.TestMerchants.create(jdbc, id, "default-csv");
        jdbc.sql("update merchant set display_name = ? where id = ?")
                .params("<script>alert('x')</script>\"><img src=x onerror=alert(1)>", id).update();
        String admin = cookieValue(sessionCookieHeader(logIn("admin",
                Files.readString(DATA_DIR.resolve("console-admin.password")).strip())));
        String page = get("/console/admin/merchants", admin).body();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=")
                .doesNotContain("<script>alert").doesNotContain("<img src=x");
    }

    @Test
    void theApiKeepsItsOwnCredentialsAndGetsNoConsoleCookie() throws Exception {
        HttpResponse<String> audit = get("/api/v1/audit/verification", null);
        assertThat(audit.statusCode()).as("still the API's 401, not a redirect to the console login").isEqualTo(401);
        assertThat(audit.headers().firstValue("Content-Type").orElseThrow()).contains("application/problem+json");
        assertThat(audit.headers().firstValue("Content-Security-Policy")).isEmpty();
        assertThat(audit.headers().allValues("Set-Cookie")).isEmpty();
        String admin = cookieValue(sessionCookieHeader(logIn("admin",
                Files.readString(DATA_DIR.resolve("console-admin.password")).strip())));
        assertThat(get("/api/v1/audit/verification", admin).statusCode())
                .as("a console session opens no API").isEqualTo(401);
        HttpResponse<String> withKey = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/messages/none"))
                .header("X-API-Key", demoApiKey()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withKey.statusCode()).isEqualTo(404);
    }

    @Test
    void searchFiltersDashboardAndAccessLogKeepToTheUsersScope() throws Exception {
        ConsoleFixture f = ConsoleFixture.get(baseUrl(), jdbc, hasher);
        String auditor = cookieValue(sessionCookieHeader(logIn(f.auditor, ConsoleFixture.PASSWORD)));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String a = "/console/search?merchant=" + f.merchantA;
        assertThat(get(a + "&receipt=120&status=DELIVERED&from=" + today + "&to=" + today, auditor).body())
                .contains(f.guidsA.get(0)).doesNotContain(f.guidsB.get(0));
        assertThat(get(a + "&status=DEAD", auditor).body()).doesNotContain(f.guidsA.get(0)).contains("No messages match");
        assertThat(get(a + "&receipt=100", auditor).body()).doesNotContain(f.guidsA.get(0));
        assertThat(get(a + "&to=2020-01-01", auditor).body()).doesNotContain(f.guidsA.get(0));
        assertThat(get("/console/search?key=" + f.guidsB.get(1), auditor).body()).contains(f.guidsB.get(1))
                .doesNotContain(f.guidsB.get(0));

        String dashboard = get("/console/dashboard", auditor).body();
        assertThat(dashboard).contains("<svg id=\"volume-chart\"").contains("<svg id=\"customs-chart\"")
                .contains("CEB312 120").contains("<svg id=\"latency-chart\"").contains("answered messages: median");
        HttpResponse<String> evidence = get("/console/messages/" + f.guidsB.get(0) + "/evidence", auditor);
        assertThat(evidence.statusCode()).isEqualTo(200);
        assertThat(evidence.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/zip");
        assertThat(get("/console/access", auditor).body()).contains("EXPORTED_EVIDENCE").contains("SEARCHED")
                .contains("VIEWED_DASHBOARD");

        String merchant = cookieValue(sessionCookieHeader(logIn(f.userA, ConsoleFixture.PASSWORD)));
        assertThat(get("/console/dashboard", merchant).body()).contains("merchant " + f.merchantA);
        assertThat(get("/console/access", merchant).statusCode()).as("only auditors read the access log")
                .isEqualTo(403);
        assertThat(get("/console/admin/users", merchant).statusCode()).isEqualTo(403);
        assertThat(get("/console/%61dmin/users", merchant).statusCode()).as("an encoded path is the same page")
                .isEqualTo(403);
        assertThat(get("/console/%61ccess", merchant).statusCode()).isEqualTo(403);
        assertThat(get("/console/admin;x=1/users", merchant).statusCode()).isEqualTo(403);
        assertThat(get("/console/messages/" + f.guidsB.get(0) + "/artefacts/"
                + "0".repeat(64) + "/raw", merchant).statusCode()).isEqualTo(404);
    }

    @Test
    void findsMessagesByTheLogisticsNumberInTheirXmlAndTheInventoryNumberCustomsAnswered() throws Exception {
        dev.customsgateway.GatewayClient client = new dev.customsgateway.GatewayClient(baseUrl());
        java.nio.file.Path file = java.nio.file.Path.of("src/test/resources/fixtures/orders/family-sample-orders.csv");
        String carrier = dev.customsgateway.TestMerchants.uniqueId("carrier");
        String carrierKey = dev.customsgateway.TestMerchants.create(jdbc, carrier, "default-csv", "LOGISTICS",
                "IMPORT", "demo-ec", "ECDSA_P256_SHA256", "202205");
        String waybill = client.submitAndAwait(carrierKey, Files.readAllBytes(file), "family.csv")
                .get("messages").get(0).get("guid").asString();
        String broker = dev.customsgateway.TestMerchants.uniqueId("broker");
        String brokerKey = dev.customsgateway.TestMerchants.create(jdbc, broker, "default-csv", "BROKER", "EXPORT",
                "demo-ec", "ECDSA_P256_SHA256", "202205");
        String inventory = client.submitAndAwait(brokerKey, Files.readAllBytes(file), "family.csv")
                .get("messages").get(0).get("guid").asString();
        client.awaitMessage(brokerKey, inventory, m -> "120".equals(m.path("customsStatus").asString()));
        String auditor = cookieValue(sessionCookieHeader(logIn(user("AUDITOR", null), ConsoleFixture.PASSWORD)));

        assertThat(get("/console/search?merchant=" + carrier + "&key=LN2026112000001", auditor).body())
                .contains(waybill);
        assertThat(get("/console/search?merchant=" + carrier + "&key=LN2026112000002", auditor).body())
                .doesNotContain(waybill);
        String invtNo = jdbc.sql("select key_value from console_business_key where guid = ? and key_name = 'invtNo'")
                .param(inventory).query(String.class).single();
        assertThat(get("/console/search?key=" + invtNo, auditor).body()).contains(inventory);
        assertThat(get("/console/messages/" + inventory, auditor).body()).contains("invtNo").contains(invtNo);
    }

    private String user(String role, String merchant) {
        String name = "http-" + System.nanoTime();
        ConsoleFixture.create(jdbc, name, hasher.hash(ConsoleFixture.PASSWORD), role, merchant);
        return name;
    }

    /** Opens the login form (cookie and token) and posts it, as a browser does. */
    private HttpResponse<String> logIn(String username, String password) throws Exception {
        HttpResponse<String> form = get("/console/login", null);
        String loginCookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("cgw_console_login=")).findFirst().orElseThrow();
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", loginCookie.substring(0, loginCookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf(form.body())) + "&username="
                        + enc(username) + "&password=" + enc(password)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String session) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (session != null) {
            request.header("Cookie", "cgw_console=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String session, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (session != null) {
            request.header("Cookie", "cgw_console=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionCookieHeader(HttpResponse<String> response) {
        List<String> cookies = response.headers().allValues("Set-Cookie");
        return cookies.stream().filter(c -> c.startsWith("cgw_console=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + cookies));
    }

    private static String cookieValue(String setCookie) {
        return setCookie.substring("cgw_console=".length(), setCookie.indexOf(';'));
    }

    private static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF field in the page").isTrue();
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
