package dev.customsgateway.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.customsgateway.ExternalTool;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's first command, through the real entry point in a JVM of its own, in a folder where the gateway
 * has never run: it must start without the server's seeders (a demo SFTP account without its merchant once
 * broke this), create the development keys, sign, and exit 0; xmlsec1 then verifies the file.
 */
class CommandEntryPointTest {

    @TempDir
    Path dir;

    @Test
    void signsOnAFreshDataFolder() throws Exception {
        Files.write(dir.resolve("order.xml"), Ceb311Fixture.bytes());
        Path log = dir.resolve("command.log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.customsgateway.CustomsGatewayApplication", "sign", "order.xml", "--alias=demo-rsa",
                "--profile=RSA_SHA256", "--out=signed.xml")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command finishes").isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("signed order.xml -> signed.xml with RSA_SHA256");

        ExternalTool.Result verified = ExternalTool.run(List.of("xmlsec1", "--verify", "--trusted-pem",
                dir.resolve("data" + File.separator + "keys" + File.separator + "demo-rsa.pem").toString(),
                dir.resolve("signed.xml").toString()));
        assertThat(verified.exitCode()).as(verified.output()).isZero();
    }
}
