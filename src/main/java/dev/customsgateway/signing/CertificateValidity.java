package dev.customsgateway.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import dev.customsgateway.audit.LogEntry;
import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Watches signing certificates: signing with an expired or not-yet-valid certificate is refused (customs would
 * reject the message anyway, later and less clearly), and a warning is logged once a day per key from
 * {@code gateway.signing.expiry-warning} (30 days) before expiry, and recorded in the message log (stage
 * {@code CERTIFICATE_EXPIRING}), so operators renew in time and compliance can see that they were told.
 */
@Component
class CertificateValidity {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateValidity.class);

    private final Clock clock;
    private final Duration warning;
    private final Map<String, LocalDate> warnedOn = new ConcurrentHashMap<>();
    private final Consumer<LogEntry> audit;

    @Autowired
    CertificateValidity(Clock clock, SigningProperties properties, MessageLog messageLog) {
        this(clock, properties, messageLog::record);
    }

    /** {@code audit} receives the expiry warnings as message-log entries (compliance sees renewals coming). */
    CertificateValidity(Clock clock, SigningProperties properties, Consumer<LogEntry> audit) {
        this.clock = clock;
        this.warning = properties.expiryWarning();
        this.audit = audit;
    }

    /** Fails when the certificate cannot be used now; warns when it expires soon. */
    void requireUsable(String alias, X509Certificate certificate) {
        Instant now = clock.instant();
        Instant notBefore = certificate.getNotBefore().toInstant();
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notBefore) && now.plus(warning).isBefore(notAfter)) {
            return; // the usual case, on every signature: nothing to say
        }
        String which = "the certificate of signing key '" + alias + "' (serial "
                + certificate.getSerialNumber().toString(16) + ")";
        if (now.isBefore(notBefore)) {
            throw new CertificateNotUsableException(which + " is not valid before " + notBefore
                    + "; refusing to sign");
        }
        if (now.isAfter(notAfter)) {
            throw new CertificateNotUsableException(which + " expired on " + notAfter
                    + "; refusing to sign: import a renewed certificate");
        }
        if (now.plus(warning).isAfter(notAfter)) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            if (!today.equals(warnedOn.put(alias, today))) {
                long daysLeft = Duration.between(now, notAfter).toDays();
                LOG.warn("{} expires on {} ({} days left): renew it", which, notAfter, daysLeft);
                audit.accept(new LogEntry("signing-key:" + alias, null, null, LogStage.CERTIFICATE_EXPIRING, null,
                        null, null, null, null, null, which + " expires on " + notAfter + " (" + daysLeft
                        + " days left)"));
            }
        }
    }

    /** Signing was refused because of the certificate's validity period. */
    static final class CertificateNotUsableException extends IllegalStateException {
        CertificateNotUsableException(String message) {
            super(message);
        }
    }
}
