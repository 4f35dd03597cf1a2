package dev.customsgateway.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The sandbox's settings.
 *
 * @param enabled            run the sandbox inside this gateway
 * @param certificatesDir    registered declarant certificates (PEM); a signature is checked against these only
 * @param receiptUrl         where receipts are POSTed; {@code {local-port}} is this gateway's HTTP port
 * @param receiptSecretFile  shared secret for the HMAC over each receipt body (created on first start)
 * @param latency            delay before each receipt
 * @param faults             misbehaviour on purpose, for tests
 * @param oauth2             the sandbox's OAuth2 token endpoint and the submission paths that need its bearer tokens
 * @param transportResponses answer each message first with a {@code DxpRep} transport response, as the e-port's
 *                           exchange platform does (off by default)
 * @param hmrc               the rules of the HMRC stand-in
 */
@ConfigurationProperties("gateway.sandbox")
record SandboxProperties(boolean enabled, Path certificatesDir, String receiptUrl, Path receiptSecretFile,
        Duration latency, Faults faults, OAuth2 oauth2, boolean transportResponses, Hmrc hmrc) {

    SandboxProperties {
        latency = latency == null ? Duration.ofMillis(200) : latency;
        faults = faults == null ? new Faults(0, false, false, false) : faults;
        oauth2 = oauth2 == null ? new OAuth2(null, null, null, null) : oauth2;
        hmrc = hmrc == null ? new Hmrc(null, null) : hmrc;
    }

    /**
     * When the HMRC stand-in rejects a declaration it has taken (DMSREJ after DMSRCV): HMRC checks the declarant
     * against its records after the schema; the sandbox's stand-in for that is a list of refused declarants.
     *
     * @param refusedDeclarants declarant EORIs ({@code Declaration/Declarant/ID}) whose declarations are rejected
     * @param validationCode    the error's ValidationCode (an..8): the sandbox's own, not an HMRC code
     */
    record Hmrc(java.util.List<String> refusedDeclarants, String validationCode) {
        Hmrc {
            refusedDeclarants = refusedDeclarants == null ? java.util.List.of() : java.util.List.copyOf(refusedDeclarants);
            validationCode = validationCode == null || validationCode.isBlank() ? "SBX00001" : validationCode;
        }
    }

    /**
     * The OAuth2 client-credentials grant as a UK-style authority runs it: {@code POST /sandbox/oauth2/token}
     * issues short-lived opaque tokens to the one registered client; requests to the protected paths need one.
     *
     * @param clientId          the registered client; no client id, no token endpoint
     * @param clientSecretFile  its secret (created with a random one on first start, like the receipt secret)
     * @param tokenTtl          how long a token lives
     * @param protectedPaths    path prefixes that need {@code Authorization: Bearer <token>}
     */
    record OAuth2(String clientId, Path clientSecretFile, Duration tokenTtl, java.util.List<String> protectedPaths) {
        OAuth2 {
            tokenTtl = tokenTtl == null ? Duration.ofMinutes(5) : tokenTtl;
            protectedPaths = protectedPaths == null ? java.util.List.of("/sandbox/ceb/bearer/")
                    : java.util.List.copyOf(protectedPaths);
        }
    }

    /**
     * Faults to inject.
     *
     * @param unavailableRequests  answer this many requests with 503 before behaving
     * @param duplicateReceipts    send every receipt twice
     * @param dropReceipts         accept messages but never answer
     * @param rejectAll            refuse every message (receipt 100, 海关退单)
     */
    record Faults(int unavailableRequests, boolean duplicateReceipts, boolean dropReceipts, boolean rejectAll) {
    }
}
