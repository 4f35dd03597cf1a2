package dev.customsgateway.signing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the declarants' keys are, and how signatures are written.
 *
 * @param keystore              PKCS#12 key store holding every declarant's key and certificate, by alias
 * @param keystorePasswordFile  file holding the key store password (the password itself never appears in
 *                              configuration; {@code GATEWAY_SIGNING_KEYSTORE_PASSWORD} may give it instead)
 * @param developmentKeys       generate development keys for missing aliases (embedded defaults only; never for
 *                              production)
 * @param developmentAliases    the development keys to have, alias to key type (RSA, SM2, EC_P256)
 * @param certificateDir        where the certificates of generated keys are written as PEM, for verifiers
 * @param keyName               KeyName format: HEX (default) or DECIMAL certificate serial
 * @param sm2Encoding           SM2 signature value: DER (default) or RAW r||s
 * @param sm2DistinguishingId   SM2 user id, {@code 1234567812345678} by default
 * @param expiryWarning         how long before a certificate expires the gateway starts warning (30 days)
 * @param reloadCheckInterval   how often the key store file is checked for changes (reloaded without restart)
 * @param hsm                   a PKCS#11 token whose keys merchants name as {@code hsm:<label>} (optional)
 */
@ConfigurationProperties("gateway.signing")
record SigningProperties(
        Path keystore,
        Path keystorePasswordFile,
        boolean developmentKeys,
        Map<String, KeyType> developmentAliases,
        Path certificateDir,
        SignatureOptions.KeyNameFormat keyName,
        Sm2SignatureEncoding sm2Encoding,
        String sm2DistinguishingId,
        Duration expiryWarning,
        Duration reloadCheckInterval,
        Hsm hsm) {

    SigningProperties {
        if (keystore == null) {
            throw new IllegalArgumentException("gateway.signing.keystore must be set");
        }
        developmentAliases = developmentAliases == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(developmentAliases));
        if (certificateDir == null) {
            certificateDir = keystore.toAbsolutePath().getParent();
        }
        expiryWarning = expiryWarning == null ? Duration.ofDays(30) : expiryWarning;
        reloadCheckInterval = reloadCheckInterval == null ? Duration.ofSeconds(10) : reloadCheckInterval;
    }

    /**
     * A PKCS#11 token (an HSM, or SoftHSM2 for tests).
     *
     * @param library     the PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
     * @param tokenLabel  the token, by label (preferred: a slot id changes when a token is initialised)
     * @param slot        or the token's PKCS#11 slot id, when the label cannot be used
     * @param pinFile     file with the user PIN (or {@code GATEWAY_SIGNING_HSM_PIN})
     */
    record Hsm(Path library, String tokenLabel, Long slot, Path pinFile) {
    }

    SignatureOptions signatureOptions() {
        return new SignatureOptions(keyName, sm2Encoding, sm2DistinguishingId);
    }
}
