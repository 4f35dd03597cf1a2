package dev.customsgateway.signing;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a PKCS#11 token's slot id by its label. SoftHSM2 (and many HSMs) give a token a new slot id every time it
 * is initialised, so configuration names the label; Java 17's SunPKCS11 only accepts a slot id, and the label is
 * reachable only through the JDK's internal PKCS#11 wrapper. That package is exported to the gateway by the jar
 * manifest, {@code spring-boot:run} and the test JVM ({@code --add-exports
 * jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}); it is used by reflection because the compiler's
 * {@code --release} forbids exporting a system package at build time.
 */
final class TokenSlots {

    static final String EXPORT = "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";
    private static final long CKF_OS_LOCKING_OK = 0x2L;

    private TokenSlots() {
    }

    static long slotOf(Path library, String label) {
        List<String> seen = new ArrayList<>();
        try {
            Class<?> pkcs11 = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
            Class<?> initArgsType = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
            Object initArgs = initArgsType.getConstructor().newInstance();
            initArgsType.getField("flags").setLong(initArgs, CKF_OS_LOCKING_OK);
            Object module = pkcs11.getMethod("getInstance", String.class, String.class, initArgsType, boolean.class)
                    .invoke(null, library.toAbsolutePath().toString(), "C_GetFunctionList", initArgs, false);
            long[] slots = (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, true);
            for (long slot : slots) {
                Object info = pkcs11.getMethod("C_GetTokenInfo", long.class).invoke(module, slot);
                String tokenLabel = new String((char[]) info.getClass().getField("label").get(info)).strip();
                if (tokenLabel.equals(label)) {
                    return slot;
                }
                seen.add(tokenLabel);
            }
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("selecting an HSM token by label needs the JVM option --add-exports "
                    + EXPORT + " (set in the jar manifest); or configure gateway.signing.hsm.slot", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot list the tokens of " + library + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM has no SunPKCS11 wrapper; configure gateway.signing.hsm.slot", e);
        }
        throw new IllegalStateException("no token labelled '" + label + "' in " + library + " (tokens: " + seen + ")");
    }
}
