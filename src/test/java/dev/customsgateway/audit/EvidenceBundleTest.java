package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestFiles;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A message's evidence bundle, fetched with the auditor's token, verifies offline with nothing but the bundle and
 * the auditor's copy of the checkpoint certificate; after any change to an artefact, an entry or the chain it
 * fails and says where.
 */
class EvidenceBundleTest extends GatewayIntegrationTest {

    @Test
    void aMessagesEvidenceVerifiesOfflineAndAnyChangeIsCaught() throws Exception {
        GatewayClient client = new GatewayClient(baseUrl());
        JsonNode status = client.submitAndAwait(demoApiKey(), TestFiles.freshSample().bytes(), "evidence.csv");
        String guid = status.get("messages").get(0).get("guid").asString();
        client.awaitMessage(demoApiKey(), guid, m -> "120".equals(m.path("customsStatus").asString()));

        byte[] bundle = fetch(guid, Files.readString(DATA_DIR.resolve("auditor.token")).strip());
        Path trusted = DATA_DIR.resolve("keys/audit/checkpoint-cert.pem");
        Map<String, byte[]> files = BundleFiles.unzip(bundle);
        assertThat(files.keySet()).contains("entries.json", "chain.csv", "checkpoint-cert.pem", "manifest.sha256");
        String signature = files.keySet().stream().filter(n -> n.matches("checkpoints/\\d+\\.sig")).findFirst()
                .orElseThrow();
        assertThat(files.keySet().stream().filter(n -> n.startsWith("artefacts/"))).hasSizeGreaterThanOrEqualTo(4);

        assertThat(EvidenceVerifier.verify(new ByteArrayInputStream(bundle), trusted)).isEmpty();

        String artefact = files.keySet().stream().filter(n -> n.startsWith("artefacts/")).findFirst().orElseThrow();
        assertThat(verifyChanged(files, artefact, flipLastByte(files.get(artefact)), trusted))
                .anyMatch(p -> p.contains("altered") || p.contains("differ"));
        String entries = new String(files.get("entries.json"));
        assertThat(verifyChanged(files, "entries.json",
                entries.replaceFirst("\"detail\" : \"", "\"detail\" : \"X").getBytes(), trusted))
                .anyMatch(p -> p.contains("edited"));
        assertThat(verifyWithManifestRebuilt(files, signature, flipLastByte(files.get(signature)), trusted))
                .anyMatch(p -> p.contains(signature + " does not verify"));
    }

    @Test
    void evidenceNeedsTheAuditorsToken() throws Exception {
        HttpResponse<byte[]> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/audit/messages/NONE/evidence")).header("X-API-Key", demoApiKey()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    private byte[] fetch(String guid, String token) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl()
                + "/api/v1/audit/messages/" + guid + "/evidence")).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<String> verifyChanged(Map<String, byte[]> files, String name, byte[] bytes, Path trusted)
            throws Exception {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(name, bytes);
        return BundleFiles.verify(changed, trusted);
    }

    /** A forger who also fixes the manifest: the signature and the hashes must still catch it. */
    private static List<String> verifyWithManifestRebuilt(Map<String, byte[]> files, String name, byte[] bytes,
            Path trusted) throws Exception {
        Map<String, byte[]> changed = new LinkedHashMap<>(files);
        changed.put(name, bytes);
        BundleFiles.rebuildManifest(changed);
        return BundleFiles.verify(changed, trusted);
    }

    private static byte[] flipLastByte(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[copy.length - 1] ^= 1;
        return copy;
    }
}
