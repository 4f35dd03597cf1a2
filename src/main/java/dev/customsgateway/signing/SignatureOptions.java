package dev.customsgateway.signing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.jcajce.spec.SM2ParameterSpec;

/**
 * The choices within a profile that differ between e-ports and devices.
 *
 * @param keyName               how {@code KeyName} writes the certificate serial (GACC: "企业证书序列号")
 * @param sm2Encoding           how an SM2 signature value is written
 * @param sm2DistinguishingId   the SM2 user id both sides hash into the signature (GM/T 0009 default)
 */
record SignatureOptions(KeyNameFormat keyName, Sm2SignatureEncoding sm2Encoding, String sm2DistinguishingId) {

    static final String DEFAULT_SM2_ID = "1234567812345678";
    static final SignatureOptions DEFAULTS =
            new SignatureOptions(KeyNameFormat.HEX, Sm2SignatureEncoding.DER, DEFAULT_SM2_ID);

    SignatureOptions {
        keyName = Objects.requireNonNullElse(keyName, KeyNameFormat.HEX);
        sm2Encoding = Objects.requireNonNullElse(sm2Encoding, Sm2SignatureEncoding.DER);
        sm2DistinguishingId = sm2DistinguishingId == null || sm2DistinguishingId.isEmpty()
                ? DEFAULT_SM2_ID : sm2DistinguishingId;
    }

    SM2ParameterSpec sm2Parameters() {
        return new SM2ParameterSpec(sm2DistinguishingId.getBytes(StandardCharsets.US_ASCII));
    }

    /** The certificate serial as {@code KeyName} text. */
    enum KeyNameFormat {
        /** Lower-case hex without leading zeros, as most e-port tools write it. */
        HEX,
        DECIMAL;

        String format(BigInteger serial) {
            return this == HEX ? serial.toString(16) : serial.toString();
        }

        /** Whether a KeyName names this serial in either format (case and leading zeros do not matter). */
        static boolean names(String keyName, BigInteger serial) {
            String text = keyName.strip().toLowerCase(Locale.ROOT);
            return parses(text, 16, serial) || parses(text, 10, serial);
        }

        private static boolean parses(String text, int radix, BigInteger serial) {
            try {
                return new BigInteger(text, radix).equals(serial);
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
