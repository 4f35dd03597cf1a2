package dev.customsgateway.delivery;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery settings.
 *
 * @param outboxDir folder signed messages are written to, one sub-folder per merchant
 */
@ConfigurationProperties("gateway.delivery")
record DeliveryProperties(Path outboxDir) {

    DeliveryProperties {
        if (outboxDir == null) {
            outboxDir = Path.of("data", "outbox");
        }
    }
}
