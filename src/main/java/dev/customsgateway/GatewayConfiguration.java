package dev.customsgateway;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by every capability. */
@Configuration(proxyBeanMethods = false)
class GatewayConfiguration {

    /** The gateway's clock; tests may replace it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
