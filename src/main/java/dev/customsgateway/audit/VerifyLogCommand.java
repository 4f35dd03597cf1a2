package dev.customsgateway.audit;

import dev.customsgateway.core.GatewayCommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar customs-gateway.jar verify-log [-skip-artefacts] [-trusted-key FILE]...}: verifies the
 * message log (chain, artefacts, checkpoints) and prints what is wrong and where. Exit status 0 when the log
 * is intact, 1 with findings, 2 when verification could not run. {@code -trusted-key} names the auditor's own
 * copy of the checkpoint certificate or public key (PEM), instead of trusting the one beside the database.
 */
@Component
class VerifyLogCommand implements GatewayCommand {

    private final LogVerifier verifier;

    VerifyLogCommand(LogVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public String name() {
        return "verify-log";
    }

    @Override
    public String summary() {
        return "verify the message log: hash chain, artefacts, signed checkpoints (exit 1 if tampered)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        boolean artefacts = true;
        List<PublicKey> trusted = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "-skip-artefacts" -> artefacts = false;
                case "-trusted-key" -> {
                    if (i + 1 >= args.size()) {
                        err.println("verify-log: -trusted-key needs a PEM file");
                        return 64;
                    }
                    trusted.add(CheckpointKey.readPublicKey(Path.of(args.get(++i))));
                }
                default -> {
                    err.println("verify-log: unknown argument " + args.get(i)
                            + "\nusage: verify-log [-skip-artefacts] [-trusted-key FILE]...");
                    return 64;
                }
            }
        }
        VerificationReport report = verifier.verify(new LogVerifier.Options(artefacts, trusted));
        print(report, out);
        return report.intact() ? 0 : 1;
    }

    private static void print(VerificationReport r, PrintStream out) {
        out.printf("%s: %d entries, head seq %d %s%n", r.intact() ? "INTACT" : "TAMPERED", r.entries(),
                r.headSeq(), r.headHash());
        out.printf("artefacts verified: %d; checkpoints: %d, last valid at seq %d; entries after it: %d%n",
                r.artefactsVerified(), r.checkpoints(), r.lastCheckpointSeq(), r.uncoveredEntries());
        if (r.artefactsShredded() > 0) {
            out.printf("artefacts shredded by retention (recorded in the log): %d%n", r.artefactsShredded());
        }
        r.findings().forEach(f -> out.println("  " + f));
        if (r.findingsTruncated()) {
            out.println("  ... more findings not shown (limit " + Findings.LIMIT + ")");
        }
    }
}
