package dev.customsgateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an independent tool (xmlsec1, openssl, xmlstarlet, sftp) as an external process, as a user would. */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** Runs the command and returns its exit status and combined output; fails the test after 60 s. */
    public static Result run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Exit status and output of a finished process. */
    public record Result(int exitCode, String output) {
    }
}
