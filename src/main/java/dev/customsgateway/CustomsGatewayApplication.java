package dev.customsgateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The gateway: merchant files in (SFTP, HTTP), signed customs XML out. The order of the work lives in the
 * Camel routes under {@code routes/}; the packages below hold one capability each.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CustomsGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(CustomsGatewayApplication.class, args);
    }
}
