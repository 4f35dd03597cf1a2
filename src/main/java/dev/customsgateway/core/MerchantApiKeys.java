package dev.customsgateway.core;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Merchant API keys as an administrator manages them (list, issue, revoke): the same service as the operator
 * API, offered to the compliance console through the shared kernel so that it needs no intake code. A key is in
 * clear only in what {@link #issue} returns.
 */
public interface MerchantApiKeys {

    List<Key> list(String merchantId);

    /** Issues a labelled key; the returned value is the only time the key exists in clear. */
    Issued issue(String merchantId, String label);

    /** Revokes one of the merchant's keys; false when the merchant has no such key. */
    boolean revoke(String merchantId, String keyId);

    /** What may be shown of a key: never the key. */
    record Key(String id, String label, String prefix, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
    }

    /** A key just issued. */
    record Issued(String id, String prefix, String key) {
        @Override
        public String toString() {
            return "Issued[" + id + ", " + prefix + "...]"; // never the key
        }
    }
}
