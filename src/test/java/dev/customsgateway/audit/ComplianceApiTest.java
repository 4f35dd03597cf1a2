package dev.customsgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.GatewayClient;
import dev.customsgateway.GatewayIntegrationTest;
import dev.customsgateway.TestFiles;
import dev.customsgateway.TestMerchants;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The read-only compliance API over the running gateway: real uploads go through the pipeline to the customs
 * sandbox and back, then an auditor lists, counts, pages, exports and follows them by business key, merchant,
 * status, receipt code and date range. Buyers appear masked only; merchants' keys open nothing; every call is in
 * the access record exactly once.
 */
class ComplianceApiTest extends GatewayIntegrationTest {

    /** Personal data of the sample orders, which no list or export may show. */
    private static final List<String> PERSONAL = List.of("张三", "李四", "王五", "110101199003071233",
            "310104198511224568", "13800000001", "13900000002", "北京市东城区", "上海市");
    private static Declared a;
    private static Declared b;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private JdbcClient jdbc;

    @Test
    void filtersByOrderNoMerchantStatusReceiptAndDateAgreeWithTheCount() throws Exception {
        declare();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String byA = "merchant=" + a.merchant;
        assertMatches(byA, a.guids);
        assertMatches(byA + "&status=DELIVERED", a.guids);
        assertMatches(byA + "&status=DEAD", List.of());
        assertMatches(byA + "&receiptCode=120", a.guids);
        assertMatches(byA + "&receiptCode=100", List.of());
        assertMatches(byA + "&from=" + today + "&to=" + today, a.guids);
        assertMatches(byA + "&to=2020-01-01", List.of());
        assertMatches("merchant=" + b.merchant + "&from=2020-01-01", b.guids);
        assertMatches("key=" + a.prefix + "0002", List.of(a.guids.get(1)));
        assertMatches("key=" + b.guids.get(2), List.of(b.guids.get(2)));

        JsonNode first = list("key=" + a.prefix + "0001").get("messages").get(0);
        assertThat(first.get("guid").asString()).isEqualTo(a.guids.get(0));
        assertThat(first.get("merchantId").asString()).isEqualTo(a.merchant);
        assertThat(first.get("messageType").asString()).isEqualTo("CEB311");
        assertThat(first.get("orderNo").asString()).isEqualTo(a.prefix + "0001");
        assertThat(first.at("/businessKeys/orderNo").toString()).contains(a.prefix + "0001");
        assertThat(first.get("deliveryStatus").asString()).isEqualTo("DELIVERED");
        assertThat(first.at("/latestReceipt/code").asString()).isEqualTo("120");
        assertThat(first.at("/latestReceipt/explanation").asString()).isNotBlank();
        assertThat(first.get("buyerMasked").asString()).isEqualTo(dev.customsgateway.core.Masking.mask("张三"));
        assertThat(OffsetDateTime.parse(first.get("createdAt").asString())).isBefore(
                OffsetDateTime.parse(first.get("deliveredAt").asString()).plusSeconds(1));
        assertThat(first.toString()).doesNotContain(PERSONAL);
    }

    @Test
    void pagesAreBoundedAndCoverTheListOnce() throws Exception {
        declare();
        String byA = "merchant=" + a.merchant;
        JsonNode page1 = list(byA + "&limit=2");
        assertThat(page1.get("messages")).hasSize(2);
        assertThat(page1.get("nextOffset").asInt()).isEqualTo(2);
        JsonNode page2 = list(byA + "&limit=2&offset=2");
        assertThat(page2.get("messages")).hasSize(1);
        assertThat(page2.get("nextOffset").isNull()).isTrue();
        Set<String> seen = new HashSet<>(guids(page1));
        seen.addAll(guids(page2));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(a.guids);
        List<String> newestFirst = jdbc.sql("select guid from outbox_message where merchant_id = ? order by id desc")
                .param(a.merchant).query(String.class).list();
        assertThat(guids(page1)).as("newest first").isEqualTo(newestFirst.subList(0, 2));

        assertRefused("limit=501", "limit");
        assertRefused("limit=0", "limit");
        assertRefused("offset=-1", "offset");
        assertRefused("status=ACCEPTED", "status");
        assertRefused("from=29.11.2026", "from");
        assertRefused("from=2026-11-02&to=2026-11-01", "to");
    }

    @Test
    void theTimelineHoldsEveryLogEntryInChainOrderAndTheReceiptsInWords() throws Exception {
        declare();
        String guid = a.guids.get(0);
        HttpResponse<String> response = auditor("/api/v1/audit/messages/" + guid + "/timeline");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode timeline = GatewayClient.json(response.body());
        assertThat(timeline.get("merchantId").asString()).isEqualTo(a.merchant);

        List<Long> seqs = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        for (JsonNode e : timeline.get("entries")) {
            seqs.add(e.get("seq").asLong());
            stages.add(e.get("stage").asString());
            if (!e.get("artefact").isNull()) {
                assertThat(e.at("/artefact/sha256").asString()).matches("[0-9a-f]{64}");
                assertThat(e.at("/artefact/size").asLong()).isPositive();
                assertThat(e.at("/artefact/kind").asString()).isNotBlank();
            }
        }
        assertThat(seqs).isSorted().doesNotHaveDuplicates();
        assertThat(stages).containsSubsequence("RECEIVED", "SIGNED", "DELIVERED", "RECEIPT");
        // complete: every chain entry naming this message or its upload, counted independently of the API's query
        String submission = jdbc.sql("select submission_id from outbox_message where guid = ?").param(guid)
                .query(String.class).single();
        List<Long> logged = jdbc.sql("select seq from message_log where guid = ? or correlation_id = ?"
                + " or (submission_id = ? and stage = 'RECEIVED') order by seq").params(guid, guid, submission)
                .query(Long.class).list();
        assertThat(seqs).isEqualTo(logged);
        String signed = jdbc.sql("select content_sha256 from outbox_message where guid = ?").param(guid)
                .query(String.class).single();
        assertThat(timeline.get("entries").toString()).contains(signed);

        JsonNode receipts = timeline.get("receipts");
        assertThat(receipts).isNotEmpty();
        JsonNode last = receipts.get(receipts.size() - 1);
        assertThat(last.get("code").asString()).isEqualTo("120");
        assertThat(last.get("explanation").asString()).isNotBlank();
        assertThat(timeline.get("entries").toString()).contains(last.get("sha256").asString());

        HttpResponse<String> unknown = auditor("/api/v1/audit/messages/no-such-guid/timeline");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("MESSAGE_NOT_FOUND");
    }

    @Test
    void theCsvExportHasAHeaderEveryRowMaskedBuyersAndNoFormulas() throws Exception {
        declare();
        HttpResponse<String> csv = auditor("/api/v1/audit/messages.csv?merchant=" + a.merchant);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", MessageCsv.COLUMNS));
        assertThat(lines).hasSize(1 + a.guids.size());
        for (String guid : a.guids) {
            assertThat(lines).anyMatch(l -> l.contains(guid) && l.contains(",DELIVERED,120,"));
        }
        assertThat(csv.body()).doesNotContain(PERSONAL).contains(dev.customsgateway.core.Masking.mask("张三"));

        // a value a spreadsheet would run as a formula is exported as text
        String hostile = TestMerchants.uniqueId("csv-inject");
        TestMerchants.create(jdbc, hostile, "default-csv");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("""
                insert into outbox_message (guid, merchant_id, order_no, message_type, destination, content_sha256,
                    file_name, state, next_attempt_at, created_at) values (?, ?, ?, 'CEB311', 'sandbox', ?, 'x.xml',
                    'DEAD', ?, ?)""")
                .params(java.util.UUID.randomUUID().toString(), hostile, "=HYPERLINK(\"http://evil.example\")",
                        "d".repeat(64), now, now).update();
        String exported = auditor("/api/v1/audit/messages.csv?merchant=" + hostile).body();
        assertThat(exported).contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"")
                .doesNotContain(",\"=HYPERLINK").doesNotContain(",=HYPERLINK");
    }

    @Test
    void merchantKeysOpenNothingAndEveryCallIsRecordedOnce() throws Exception {
        declare();
        String marker = "probe-" + System.nanoTime();
        List<String> paths = List.of("/api/v1/audit/messages?key=" + marker, "/api/v1/audit/messages/count?key="
                + marker, "/api/v1/audit/messages.csv?key=" + marker, "/api/v1/audit/messages/" + a.guids.get(0)
                + "/timeline?probe=" + marker);
        for (String path : paths) {
            assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("X-API-Key", a.apiKey))
                    .statusCode()).as(path + " with a merchant key").isIn(401, 403);
            assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                    .header("Authorization", "Bearer " + a.apiKey)).statusCode()).as(path + " key as bearer")
                    .isIn(401, 403);
            assertThat(send(HttpRequest.newBuilder(URI.create(baseUrl() + path))).statusCode()).isEqualTo(401);
        }
        assertThat(accessRecords(marker)).as("refused calls are not recorded").isEmpty();

        for (String path : paths) {
            assertThat(auditor(path).statusCode()).as(path).isEqualTo(200);
        }
        List<String> recorded = accessRecords(marker);
        for (String path : paths) {
            assertThat(recorded).as(path).filteredOn(d -> d.equals("GET " + path)).hasSize(1);
        }
        assertThat(recorded).as("the streamed CSV too is recorded once, not again when its stream completes")
                .hasSize(paths.size());
    }

    @Test
    void theContractDocumentsTheFiltersAndTheCsv() throws Exception {
        JsonNode document = GatewayClient.json(send(HttpRequest.newBuilder(URI.create(baseUrl() + "/v3/api-docs")))
                .body());
        List<String> parameters = new ArrayList<>();
        document.at("/paths/~1api~1v1~1audit~1messages/get/parameters")
                .forEach(p -> parameters.add(p.get("name").asString()));
        assertThat(parameters).containsExactlyInAnyOrder("key", "merchant", "status", "receiptCode", "from", "to",
                "limit", "offset");
        assertThat(document.at("/paths/~1api~1v1~1audit~1messages~1count/get/parameters").size()).isEqualTo(6);
        assertThat(document.at("/paths/~1api~1v1~1audit~1messages.csv/get/responses/200/content").has("text/csv"))
                .isTrue();
        assertThat(document.at("/paths/~1api~1v1~1audit~1messages~1{guid}~1timeline/get/security/0")
                .has("auditorToken")).isTrue();
        // the compliance API is read-only
        document.get("paths").properties().stream().filter(p -> p.getKey().startsWith("/api/v1/audit/"))
                .forEach(p -> assertThat(p.getValue().propertyNames()).as(p.getKey()).containsOnly("get"));
    }

    private List<String> accessRecords(String marker) {
        return jdbc.sql("select detail from message_log where stage = 'COMPLIANCE_ACCESS' and detail like ?")
                .param("%" + marker + "%").query(String.class).list();
    }

    private void assertMatches(String query, List<String> expected) throws Exception {
        JsonNode page = list(query + "&limit=" + MessageQueries.MAX_LIMIT);
        assertThat(guids(page)).as(query).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(count(query)).as("count of " + query).isEqualTo(expected.size());
        assertThat(page.toString()).doesNotContain(PERSONAL);
    }

    private void assertRefused(String query, String field) throws Exception {
        HttpResponse<String> response = auditor("/api/v1/audit/messages?" + query);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        JsonNode problem = GatewayClient.json(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_QUERY");
        assertThat(problem.get("field").asString()).isEqualTo(field);
    }

    private JsonNode list(String query) throws Exception {
        HttpResponse<String> response = auditor("/api/v1/audit/messages?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GatewayClient.json(response.body());
    }

    private long count(String query) throws Exception {
        HttpResponse<String> response = auditor("/api/v1/audit/messages/count?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return GatewayClient.json(response.body()).get("count").asLong();
    }

    private static List<String> guids(JsonNode page) {
        List<String> guids = new ArrayList<>();
        page.get("messages").forEach(m -> guids.add(m.get("guid").asString()));
        return guids;
    }

    private HttpResponse<String> auditor(String path) throws Exception {
        String token = Files.readString(DATA_DIR.resolve("auditor.token")).strip();
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Authorization", "Bearer " + token));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Two merchants' fresh samples, through customs and back (receipt 120), made once for these tests. */
    private synchronized void declare() throws Exception {
        if (a == null) {
            a = Declared.of(new GatewayClient(baseUrl()), jdbc, "audit-a");
            b = Declared.of(new GatewayClient(baseUrl()), jdbc, "audit-b");
        }
    }

    private record Declared(String merchant, String apiKey, String prefix, List<String> guids) {
        static Declared of(GatewayClient client, JdbcClient jdbc, String name) throws Exception {
            String merchant = TestMerchants.uniqueId(name);
            String key = TestMerchants.create(jdbc, merchant, "default-csv");
            TestFiles.Fresh sample = TestFiles.freshSample();
            JsonNode status = client.submitAndAwait(key, sample.bytes(), "sample-orders.csv");
            List<String> guids = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                String orderNo = sample.prefix() + "%04d".formatted(i);
                for (JsonNode m : status.get("messages")) {
                    if (orderNo.equals(m.get("orderNo").asString())) {
                        guids.add(m.get("guid").asString());
                    }
                }
            }
            assertThat(guids).as(status.toString()).hasSize(3);
            for (String guid : guids) {
                client.awaitMessage(key, guid, m -> "120".equals(m.path("customsStatus").asString()));
            }
            return new Declared(merchant, key, sample.prefix(), guids);
        }
    }
}
