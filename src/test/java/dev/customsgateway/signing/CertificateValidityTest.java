package dev.customsgateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class CertificateValidityTest {

    private static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant NOT_AFTER = Instant.parse("2026-12-31T00:00:00Z");
    private static final DevelopmentKeys.Issued KEY = TestKeys.issue(KeyType.SM2, "dated", NOT_BEFORE, NOT_AFTER);

    @Test
    void refusesExpiredCertificate() {
        assertThatThrownBy(() -> at(NOT_AFTER.plusSeconds(1)).requireUsable("demo-sm2", KEY.certificate()))
                .isInstanceOf(CertificateValidity.CertificateNotUsableException.class)
                .hasMessageContaining("signing key 'demo-sm2'")
                .hasMessageContaining("expired on 2026-12-31T00:00:00Z")
                .hasMessageContaining("refusing to sign");
    }

    @Test
    void refusesNotYetValidCertificate() {
        assertThatThrownBy(() -> at(NOT_BEFORE.minusSeconds(1)).requireUsable("demo-sm2", KEY.certificate()))
                .isInstanceOf(CertificateValidity.CertificateNotUsableException.class)
                .hasMessageContaining("not valid before 2026-01-01T00:00:00Z");
    }

    @Test
    void warnsThirtyDaysAheadOncePerDay(CapturedOutput output) {
        at(NOT_AFTER.minus(Duration.ofDays(31))).requireUsable("quiet", KEY.certificate());
        assertThat(output.getOut()).doesNotContain("'quiet'");

        List<LogEntry> audited = new ArrayList<>();
        CertificateValidity validity = new CertificateValidity(
                Clock.fixed(NOT_AFTER.minus(Duration.ofDays(29)), ZoneOffset.UTC),
                TestSigning.properties(SignatureOptions.DEFAULTS), audited::add);
        validity.requireUsable("soon", KEY.certificate());
        validity.requireUsable("soon", KEY.certificate());

        assertThat(output.getOut()).contains("signing key 'soon'").contains("29 days left");
        assertThat(output.getOut().split("signing key 'soon'", -1)).hasSize(2);
        assertThat(audited).singleElement().satisfies(entry -> {
            assertThat(entry.stage()).isEqualTo(LogStage.CERTIFICATE_EXPIRING);
            assertThat(entry.correlationId()).isEqualTo("signing-key:soon");
            assertThat(entry.detail()).contains("29 days left");
        });
    }

    private static CertificateValidity at(Instant now) {
        return new CertificateValidity(Clock.fixed(now, ZoneOffset.UTC),
                TestSigning.properties(SignatureOptions.DEFAULTS), entry -> { });
    }
}
