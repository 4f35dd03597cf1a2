package dev.customsgateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.customsgateway.core.PasswordHasher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/** The first administrator: from the environment, or generated and kept owner-only; never a default. */
class ConsoleStartupTest {

    @TempDir
    Path dir;
    private HikariDataSource dataSource;
    private ConsoleUsers users;
    private final PasswordHasher hasher = new PasswordHasher();

    @BeforeEach
    void database() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:console-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        users = new ConsoleUsers(JdbcClient.create(dataSource));
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void generatesAPasswordShownOnceAndKeptOwnerOnly() throws Exception {
        startup(new MockEnvironment()).run(new DefaultApplicationArguments());
        Path file = dir.resolve("console-admin.password");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(24);
        assertThat(hasher.matches(password, users.passwordHashOfEnabled("admin").orElseThrow())).isTrue();
        assertThat(users.find("admin").orElseThrow().role()).isEqualTo(ConsoleRole.ADMINISTRATOR);

        startup(new MockEnvironment()).run(new DefaultApplicationArguments());
        assertThat(Files.readString(file).strip()).as("an administrator exists: nothing changes").isEqualTo(password);
    }

    @Test
    void takesThePasswordFromTheEnvironmentAndWritesNoFile() throws Exception {
        MockEnvironment env = new MockEnvironment()
                .withProperty(ConsoleStartup.PASSWORD_VARIABLE, "a long enough secret");
        startup(env).run(new DefaultApplicationArguments());
        assertThat(hasher.matches("a long enough secret", users.passwordHashOfEnabled("admin").orElseThrow())).isTrue();
        assertThat(dir.resolve("console-admin.password")).doesNotExist();
    }

    @Test
    void refusesAShortPasswordFromTheEnvironment() {
        MockEnvironment env = new MockEnvironment().withProperty(ConsoleStartup.PASSWORD_VARIABLE, "short");
        assertThatThrownBy(() -> startup(env).run(new DefaultApplicationArguments()))
                .hasMessageContaining("at least 12 characters");
        assertThat(users.list()).isEmpty();
    }

    private ConsoleStartup startup(MockEnvironment env) {
        ConsoleProperties properties = new ConsoleProperties("admin", dir.resolve("console-admin.password"), null, null,
                0, null);
        return new ConsoleStartup(users, hasher, properties, env,
                new TransactionTemplate(new JdbcTransactionManager(dataSource)), Clock.systemUTC());
    }
}
