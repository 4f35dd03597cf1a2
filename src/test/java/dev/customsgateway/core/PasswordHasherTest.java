package dev.customsgateway.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Argon2id hashes: salted, self-describing, and never matching a wrong or malformed input. */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsSaltedArgon2idAndVerifies() {
        String a = hasher.hash("correct horse");
        String b = hasher.hash("correct horse");

        assertThat(a).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(b).doesNotContain("correct");
        assertThat(hasher.matches("correct horse", a)).isTrue();
        assertThat(hasher.matches("correct horse", b)).isTrue();
        assertThat(hasher.matches("correct horsf", a)).isFalse();
    }

    @Test
    void rejectsPlainOrMalformedStoredValues() {
        assertThat(hasher.matches("secret", "secret")).isFalse();
        assertThat(hasher.matches("secret", null)).isFalse();
        assertThat(hasher.matches(null, hasher.hash("x"))).isFalse();
        assertThat(hasher.matches("secret", "$argon2id$v=19$m=99999999,t=2,p=1$AAAA$AAAA")).isFalse();
        assertThat(hasher.matches("secret", "$argon2id$v=19$m=9999999,t=2,p=1$AAAA$AAAA"))
                .as("absurd memory cost refused, not attempted").isFalse();
    }
}
