package dev.customsgateway.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void generatesDevelopmentKeysOfEachTypeWithPemForVerifiers() throws Exception {
        SigningKeys keys = new SigningKeys(properties(Map.of("demo-rsa", KeyType.RSA, "demo-sm2", KeyType.SM2,
                "demo-ec", KeyType.EC_P256)), Clock.systemUTC());

        assertThat(KeyType.of(keys.get("demo-rsa").certificate().getPublicKey())).isEqualTo(KeyType.RSA);
        assertThat(KeyType.of(keys.get("demo-sm2").certificate().getPublicKey())).isEqualTo(KeyType.SM2);
        assertThat(KeyType.of(keys.get("demo-ec").certificate().getPublicKey())).isEqualTo(KeyType.EC_P256);
        assertThat(Certificates.read(dir.resolve("demo-sm2.pem"))).isEqualTo(keys.get("demo-sm2").certificate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("signing.p12.password"))))
                .isEqualTo("rw-------");
    }

    @Test
    void addsMissingDevelopmentKeysToAnExistingStore() throws Exception {
        SigningKeys first = new SigningKeys(properties(Map.of("demo-rsa", KeyType.RSA)), Clock.systemUTC());
        var rsa = first.get("demo-rsa").certificate();

        SigningKeys second = new SigningKeys(properties(ordered("demo-rsa", KeyType.RSA, "demo-sm2", KeyType.SM2)),
                Clock.systemUTC());

        assertThat(second.get("demo-rsa").certificate()).isEqualTo(rsa);
        assertThat(KeyType.of(second.get("demo-sm2").certificate().getPublicKey())).isEqualTo(KeyType.SM2);
    }

    @Test
    void reloadsAChangedKeyStoreWithoutRestart() throws Exception {
        SigningProperties properties = properties(Map.of("demo-sm2", KeyType.SM2));
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        SigningKeys keys = new SigningKeys(properties, clock);
        var before = keys.get("demo-sm2").certificate();

        // an operator replaces the store (and its password) with a renewed key
        Files.delete(properties.keystore());
        Files.delete(properties.keystorePasswordFile());
        DevelopmentKeys.ensure(properties);
        Files.setLastModifiedTime(properties.keystore(), FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(keys.get("demo-sm2").certificate()).as("not checked before the interval").isEqualTo(before);
        now.set(now.get().plus(Duration.ofSeconds(11)));
        assertThat(keys.get("demo-sm2").certificate()).isNotEqualTo(before);
    }

    @Test
    void unknownAliasFailsClearly() throws Exception {
        SigningKeys keys = new SigningKeys(properties(Map.of("demo-ec", KeyType.EC_P256)), Clock.systemUTC());

        assertThatThrownBy(() -> keys.get("nobody")).hasMessageContaining("no signing key with alias 'nobody'");
    }

    @Test
    void missingStoreWithoutDevelopmentKeysFailsStart() {
        SigningProperties production = new SigningProperties(dir.resolve("absent.p12"), null, false, null, dir,
                null, null, null, null, null, null);

        assertThatThrownBy(() -> new SigningKeys(production, Clock.systemUTC()))
                .hasMessageContaining("does not exist").hasMessageContaining("development keys are off");
    }

    private SigningProperties properties(Map<String, KeyType> aliases) {
        return new SigningProperties(dir.resolve("signing.p12"), dir.resolve("signing.p12.password"), true, aliases,
                dir, null, null, null, null, Duration.ofSeconds(10), null);
    }

    private static Map<String, KeyType> ordered(String a, KeyType ta, String b, KeyType tb) {
        Map<String, KeyType> map = new LinkedHashMap<>();
        map.put(a, ta);
        map.put(b, tb);
        return map;
    }
}
