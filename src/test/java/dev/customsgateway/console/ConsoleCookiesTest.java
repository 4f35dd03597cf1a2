package dev.customsgateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** On HTTPS the session cookie is Secure, host-only ({@code __Host-} prefix, Path=/), HttpOnly and SameSite=Strict. */
class ConsoleCookiesTest {

    @Test
    void sessionCookieIsSecureAndHostOnlyOnHttps() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/console/login");
        request.setSecure(true);
        MockHttpServletResponse response = new MockHttpServletResponse();
        ConsoleFilter.SessionCookies.setSession(request, response, "abc", 3600);
        assertThat(response.getHeader("Set-Cookie")).startsWith("__Host-cgw_console=abc;").contains("Secure")
                .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/;").doesNotContain("Domain");
        request.setCookies(new jakarta.servlet.http.Cookie("cgw_console", "plain"),
                new jakarta.servlet.http.Cookie("__Host-cgw_console", "secure"));
        assertThat(ConsoleFilter.SessionCookies.sessionId(request))
                .as("on HTTPS only the host-only cookie counts").isEqualTo("secure");
    }
}
