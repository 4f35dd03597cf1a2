package dev.customsgateway.receipts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes each new receipt entry to the merchant's webhook, if it has one ({@code merchant_webhook}): a JSON
 * body signed with {@code X-Signature: sha256=<hex HMAC-SHA256 of the body>} under the merchant's secret. Queued
 * by {@link ReceiptIntake}; sent by the {@code receipts-webhook} route ({@link #sendDue}), retried with
 * exponential backoff, jitter and a cap on network errors and non-2xx answers, and given up (DEAD, with the
 * reason) after the configured attempts.
 */
@Component("merchantWebhook")
class MerchantWebhook {

    private static final Logger LOG = LoggerFactory.getLogger(MerchantWebhook.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRepository webhooks;
    private final ReceiptProperties.Webhook settings;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    MerchantWebhook(WebhookRepository webhooks, ReceiptProperties properties, Clock clock) {
        this.webhooks = webhooks;
        this.settings = properties.webhook();
        this.clock = clock;
    }

    /** Queues one receipt entry for the merchant's webhook (nothing when it has none). */
    void enqueue(String merchantId, String guid, ReceiptEntry entry, String explanation) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("guid", guid);
        body.put("orderNo", entry.orderNo());
        body.put("receipt", entry.receiptType());
        body.put("status", entry.returnStatus());
        body.put("time", entry.returnTime());
        body.put("info", entry.returnInfo());
        body.put("explanation", explanation);
        webhooks.enqueue(merchantId, JSON.writeValueAsString(body), OffsetDateTime.now(clock));
    }

    /** Sends the pushes that are due, one attempt each. */
    public void sendDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (WebhookRepository.Push push : webhooks.claimDue(now, now.plus(settings.requestTimeout().multipliedBy(2)),
                settings.batchSize())) {
            send(push);
        }
    }

    private void send(WebhookRepository.Push push) {
        WebhookRepository.Webhook hook = webhooks.webhook(push.merchantId()).orElse(null);
        if (hook == null) {
            webhooks.dead(push.id(), null, "the merchant has no webhook any more");
            return;
        }
        Integer status = null;
        String error;
        try {
            byte[] body = push.payload().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(hook.url())).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("X-Webhook-Id", Long.toString(push.id()))
                    .header("X-Signature", "sha256=" + hmac(hook.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                webhooks.delivered(push.id(), status, OffsetDateTime.now(clock));
                return;
            }
            error = "HTTP " + status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = "network error: " + e.getClass().getSimpleName();
        }
        if (push.attempt() >= settings.maxAttempts()) {
            webhooks.dead(push.id(), status, "gave up after " + push.attempt() + " attempts; last: " + error);
            LOG.warn("Receipt webhook of merchant {} gave up on push {}: {}", push.merchantId(), push.id(), error);
        } else {
            webhooks.retryAt(push.id(), OffsetDateTime.now(clock).plus(backoff(push.attempt())), status, error);
        }
    }

    /** initial x 2^(n-1), capped, spread by +-20%. */
    private Duration backoff(int attempt) {
        long cap = settings.maxBackoff().toMillis();
        long exponential = attempt >= 31 ? cap : Math.min(cap, settings.initialBackoff().toMillis() << (attempt - 1));
        return Duration.ofMillis((long) (exponential * (0.8 + ThreadLocalRandom.current().nextDouble() * 0.4)));
    }

    private static String hmac(String secret, byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
