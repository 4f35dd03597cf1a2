package dev.customsgateway.signing;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the declarants' keys are.
 *
 * @param keystore              PKCS#12 key store holding every declarant's key and certificate, by alias
 * @param keystorePasswordFile  file holding the key store password (the password itself never appears in
 *                              configuration; {@code GATEWAY_SIGNING_KEYSTORE_PASSWORD} may give it instead)
 * @param developmentKeys       generate a key store with development keys when none exists (embedded defaults
 *                              only; never for production)
 * @param developmentAliases    the aliases development keys are generated for
 * @param certificateDir        where the certificates of generated keys are written as PEM, for verifiers
 */
@ConfigurationProperties("gateway.signing")
record SigningProperties(
        Path keystore,
        Path keystorePasswordFile,
        boolean developmentKeys,
        java.util.List<String> developmentAliases,
        Path certificateDir) {

    SigningProperties {
        if (keystore == null) {
            throw new IllegalArgumentException("gateway.signing.keystore must be set");
        }
        developmentAliases = developmentAliases == null ? java.util.List.of() : java.util.List.copyOf(developmentAliases);
        if (certificateDir == null) {
            certificateDir = keystore.toAbsolutePath().getParent();
        }
    }
}
