package dev.customsgateway.audit;

import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crypto-shredding the log itself records ({@link LogStage#ARTEFACTS_SHREDDED} entries, written by the
 * retention job as it destroys a data key), gathered during one verification walk: they are what lets
 * {@code verify-log} call an unreadable artefact "shredded" rather than missing. Such an entry names the key id
 * (its correlation id), the merchant and, at the start of its detail, the period ({@code period 2026-01: ...});
 * being chained, it cannot be added or changed unnoticed.
 */
final class ShredRecords {

    static final String CORRELATION_PREFIX = "data-key:";
    private static final Pattern PERIOD = Pattern.compile("^period (\\d{4}-\\d{2})\\b");

    private final Map<DataKeys.Scope, Long> byScope = new HashMap<>();
    private final Map<String, Long> byKeyId = new HashMap<>();

    /** The detail an {@code ARTEFACTS_SHREDDED} entry starts with. */
    static String detailPrefix(YearMonth period) {
        return "period " + period + ": ";
    }

    void note(ChainedEntry entry) {
        if (!LogStage.ARTEFACTS_SHREDDED.name().equals(entry.stageCode()) || entry.entry().detail() == null) {
            return;
        }
        Matcher period = PERIOD.matcher(entry.entry().detail());
        String correlation = entry.entry().correlationId();
        if (period.find()) {
            byScope.putIfAbsent(new DataKeys.Scope(entry.entry().merchantId(), YearMonth.parse(period.group(1))),
                    entry.seq());
        }
        if (correlation != null && correlation.startsWith(CORRELATION_PREFIX)) {
            byKeyId.putIfAbsent(correlation.substring(CORRELATION_PREFIX.length()), entry.seq());
        }
    }

    /** The seq of the entry recording the destruction of the key of the entry's merchant and month, if any. */
    Long forEntry(String merchantId, Instant recordedAt) {
        return byScope.get(new DataKeys.Scope(merchantId, DataKeys.Scope.periodOf(recordedAt)));
    }

    /** The seq of the entry recording the destruction of this key, if any. */
    Long forKey(String keyId) {
        return keyId == null ? null : byKeyId.get(keyId);
    }
}
