package dev.customsgateway.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's stand-in for HMRC's declaration intake: like HMRC it wants an OAuth2 bearer token (401 without);
 * HMRC's own sample is taken (202, once per guid), a declaration that breaks the schema and anything that is not
 * a WCO declaration are refused with 400.
 */
class SandboxHmrcTest extends GatewayIntegrationTest {

    private static final Path SAMPLE = Path.of("src/test/resources/fixtures/official/wco/TT_IM068a.xml");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void wantsABearerTokenFromTheTokenEndpoint() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/sandbox/hmrc/declarations"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(SAMPLE))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void takesAValidDeclarationOncePerGuid() throws Exception {
        String guid = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
        byte[] sample = Files.readAllBytes(SAMPLE);

        HttpResponse<String> first = post(sample, guid);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
        assertThat(first.headers().firstValue("X-Conversation-ID")).contains(guid);

        HttpResponse<String> again = post(sample, guid);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("DUPLICATE_GUID");
    }

    @Test
    void refusesASchemaInvalidDeclarationAndWhatIsNoDeclaration() throws Exception {
        String broken = Files.readString(SAMPLE, StandardCharsets.UTF_8).replace("<FunctionCode>9</FunctionCode>", "");
        HttpResponse<String> invalid = post(broken.getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("SCHEMA_INVALID");

        byte[] ceb = Files.readAllBytes(Path.of("src/test/resources/fixtures/official/202205/import/CEB311Message.xml"));
        HttpResponse<String> notWco = post(ceb, UUID.randomUUID().toString());
        assertThat(notWco.statusCode()).isEqualTo(400);
        assertThat(notWco.body()).contains("NOT_WCO_DECLARATION");
    }

    /** A token from the sandbox's client-credentials grant, with the secret the embedded sandbox created. */
    private String token() throws Exception {
        String secret = Files.readString(DATA_DIR.resolve("keys/sandbox-oauth2-client.secret")).strip();
        String form = "grant_type=client_credentials&client_id=gateway-sandbox-client&client_secret="
                + java.net.URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body().replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> post(byte[] body, String guid) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/hmrc/declarations"))
                .header("Content-Type", "application/xml").header("X-Message-Guid", guid)
                .header("Authorization", "Bearer " + token())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
