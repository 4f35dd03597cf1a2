package dev.customsgateway.audit;

import dev.customsgateway.core.GatewayCommand;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar customs-gateway.jar legal-hold place MERCHANT [--message=GUID] --reason=TEXT},
 * {@code legal-hold release HOLD_ID} and {@code legal-hold list}: legal holds from the command line. Each change is
 * a message-log entry naming the operating-system user who ran the command.
 */
@Component
class LegalHoldCommand implements GatewayCommand {

    private static final String USAGE = "usage: legal-hold place MERCHANT [--message=GUID] --reason=TEXT"
            + " | legal-hold release HOLD_ID | legal-hold list";

    private final LegalHolds holds;
    private final org.springframework.core.env.Environment environment;

    LegalHoldCommand(LegalHolds holds, org.springframework.core.env.Environment environment) {
        this.holds = holds;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "legal-hold";
    }

    @Override
    public String summary() {
        return "place, release or list legal holds (they stop retention from shredding a merchant or message)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        String by = "command:" + System.getProperty("user.name", "unknown");
        CommandOptions options = new CommandOptions(args, environment);
        List<String> words = args.stream().filter(a -> !a.startsWith("--")).toList();
        String verb = words.isEmpty() ? "" : words.get(0);
        switch (verb) {
            case "place" -> {
                String reason = options.get("reason");
                String message = options.get("message");
                if (words.size() != 2 || reason == null || reason.isBlank()) {
                    err.println(USAGE);
                    return 64;
                }
                out.println("hold " + holds.place(words.get(1), message == null || message.isBlank() ? null : message,
                        reason, by) + " placed");
                return 0;
            }
            case "release" -> {
                if (words.size() != 2) {
                    err.println(USAGE);
                    return 64;
                }
                if (!holds.release(words.get(1), by)) {
                    err.println("no active legal hold " + words.get(1));
                    return 1;
                }
                out.println("hold " + words.get(1) + " released");
                return 0;
            }
            case "list" -> {
                holds.active().forEach(h -> out.printf("%s  merchant %s%s  since %s by %s: %s%n", h.id(),
                        h.merchantId(), h.guid() == null ? "" : " message " + h.guid(), h.setAt(), h.setBy(),
                        h.reason()));
                return 0;
            }
            default -> {
                err.println(USAGE);
                return 64;
            }
        }
    }
}
