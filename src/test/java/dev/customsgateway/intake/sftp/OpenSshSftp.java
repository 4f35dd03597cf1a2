package dev.customsgateway.intake.sftp;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Drives the real OpenSSH {@code sftp} client as a merchant would, without a terminal: commands on stdin,
 * the password through an askpass script ({@code sftp -b} would forbid password prompts), or a key file.
 * Host key checking is off here only because every test gateway generates a new host key.
 */
final class OpenSshSftp {

    private final int port;
    private final String user;
    private final Path workDir;
    private final List<String> auth = new ArrayList<>();
    private final Map<String, String> env;

    private OpenSshSftp(int port, String user, Path workDir, List<String> auth, Map<String, String> env) {
        this.port = port;
        this.user = user;
        this.workDir = workDir;
        this.auth.addAll(auth);
        this.env = env;
    }

    static OpenSshSftp withPassword(int port, String user, String password, Path workDir) throws IOException {
        Path secret = workDir.resolve(".pw-" + user);
        Files.writeString(secret, password + "\n");
        Path askpass = workDir.resolve(".askpass-" + user + ".sh");
        Files.writeString(askpass, "#!/bin/sh\ncat '" + secret + "'\n");
        Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
        return new OpenSshSftp(port, user, workDir, List.of("-o", "PubkeyAuthentication=no",
                "-o", "PreferredAuthentications=password", "-o", "NumberOfPasswordPrompts=1"),
                Map.of("SSH_ASKPASS", askpass.toString(), "SSH_ASKPASS_REQUIRE", "force", "DISPLAY", ":0"));
    }

    static OpenSshSftp withKey(int port, String user, Path privateKey, Path workDir) {
        return new OpenSshSftp(port, user, workDir, List.of("-i", privateKey.toString(), "-o", "IdentitiesOnly=yes",
                "-o", "PreferredAuthentications=publickey", "-o", "PasswordAuthentication=no"), Map.of());
    }

    /** Runs the commands in one session (errors do not stop it) and returns exit status and all output. */
    Result run(String... commands) throws IOException, InterruptedException {
        Process process = start(commands);
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("sftp timed out: " + String.join("; ", commands));
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Starts the commands without waiting; the caller reads or kills the process. */
    Process start(String... commands) throws IOException {
        List<String> command = new ArrayList<>(List.of("sftp", "-P", String.valueOf(port),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR",
                "-o", "ConnectTimeout=20"));
        command.addAll(auth);
        command.add(user + "@127.0.0.1");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((String.join("\n", commands) + "\nbye\n").getBytes(StandardCharsets.UTF_8));
        }
        return process;
    }

    /** Exit status and combined output of one session. */
    record Result(int exitCode, String output) {
    }
}
