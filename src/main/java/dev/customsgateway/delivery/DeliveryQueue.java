package dev.customsgateway.delivery;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Component;

/** Claims the messages due for delivery, for the {@code delivery-poll} route. */
@Component("deliveryQueue")
class DeliveryQueue {

    private final OutboxRepository outbox;
    private final DeliveryProperties properties;
    private final Clock clock;

    DeliveryQueue(OutboxRepository outbox, DeliveryProperties properties, Clock clock) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    public List<OutboxItem> claimDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return outbox.claimDue(now, now.plus(properties.lease()), properties.batchSize());
    }
}
