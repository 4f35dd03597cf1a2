package dev.customsgateway.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/** Deletes idempotency records past their retention; run by the {@code api-idempotency-purge} route. */
@Component("idempotencyPurge")
class IdempotencyPurge {

    private final IdempotencyRepository records;
    private final Clock clock;

    IdempotencyPurge(IdempotencyRepository records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public int purge() {
        return records.purgeExpired(OffsetDateTime.now(clock));
    }
}
