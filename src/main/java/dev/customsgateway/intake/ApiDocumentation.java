package dev.customsgateway.intake;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 contract served at {@code /v3/api-docs}: springdoc reads the MVC controllers; this adds the
 * title, the credentials each part of the API takes and, per path, which one applies (controllers of other
 * packages are documented by path, without depending on them). {@code OpenApiContractTest} fails when the
 * served contract and the registered endpoints drift apart.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String MERCHANT_KEY = "merchantApiKey";
    static final String OPERATOR_TOKEN = "operatorToken";
    static final String AUDITOR_TOKEN = "auditorToken";
    static final String RECEIPT_SIGNATURE = "receiptSignature";

    /** Path prefix to the credential it takes; the first match wins, merchants' key is the rest. */
    private static final Map<String, String> CREDENTIAL_BY_PREFIX = Map.of(
            "/api/v1/operator/", OPERATOR_TOKEN,
            "/api/v1/audit/", AUDITOR_TOKEN,
            "/api/v1/receipts/", RECEIPT_SIGNATURE);

    @Bean
    OpenAPI gatewayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Customs Gateway API").version("v1")
                        .description("Merchant files and orders in, signed customs messages out. Every error is "
                                + "application/problem+json with a stable `code`. POSTs take an `Idempotency-Key`.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(MERCHANT_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("A merchant's API key (cgw_...); reaches that merchant's data only"))
                        .addSecuritySchemes(OPERATOR_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("The operator token (cgo_...), data-dir/operator.token"))
                        .addSecuritySchemes(AUDITOR_TOKEN, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An auditor token (cga_...), read-only"))
                        .addSecuritySchemes(RECEIPT_SIGNATURE, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-Signature")
                                .description("sha256=<hex HMAC-SHA256 of the body> under the source's secret")));
    }

    @Bean
    GlobalOpenApiCustomizer credentialsPerPath() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            String scheme = CREDENTIAL_BY_PREFIX.entrySet().stream().filter(e -> path.startsWith(e.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElse(MERCHANT_KEY);
            for (Operation operation : item.readOperations()) {
                operation.setSecurity(java.util.List.of(new SecurityRequirement().addList(scheme)));
            }
        });
    }
}
