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
 * The sandbox's stand-in for HMRC's declaration intake: HMRC's own sample is taken (202, once per guid), a
 * declaration that breaks the schema and anything that is not a WCO declaration are refused with 400.
 */
class SandboxHmrcTest extends GatewayIntegrationTest {

    private static final Path SAMPLE = Path.of("src/test/resources/fixtures/official/wco/TT_IM068a.xml");
    private final HttpClient http = HttpClient.newHttpClient();

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

    private HttpResponse<String> post(byte[] body, String guid) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sandbox/hmrc/declarations"))
                .header("Content-Type", "application/xml").header("X-Message-Guid", guid)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
