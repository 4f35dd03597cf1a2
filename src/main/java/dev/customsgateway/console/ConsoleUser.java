package dev.customsgateway.console;

import java.time.OffsetDateTime;

/** A console account; {@code merchantId} is set exactly for {@link ConsoleRole#MERCHANT}. Never the hash. */
record ConsoleUser(String username, ConsoleRole role, String merchantId, boolean enabled, OffsetDateTime createdAt,
        String createdBy, OffsetDateTime lastLoginAt) {
}
