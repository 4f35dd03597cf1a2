package dev.customsgateway.audit;

import dev.customsgateway.core.GatewayCommand;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar customs-gateway.jar retention [--dry-run]}: runs the retention job now (destroys the data keys
 * past retention that no legal hold covers, deletes their files, records each deletion in the message log), or
 * with {@code --dry-run} only prints what it would do. One line per data key: KEEP, HELD or DESTROY, and why.
 */
@Component
class RetentionCommand implements GatewayCommand {

    private final RetentionJob job;
    private final org.springframework.core.env.Environment environment;

    RetentionCommand(RetentionJob job, org.springframework.core.env.Environment environment) {
        this.job = job;
        this.environment = environment;
    }

    @Override
    public String name() {
        return "retention";
    }

    @Override
    public String summary() {
        return "run the retention job now (crypto-shredding of expired data keys); --dry-run to only show it";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        boolean dryRun = new CommandOptions(args, environment).has("dry-run");
        if (args.stream().anyMatch(a -> !a.equals("--dry-run"))) {
            err.println("usage: retention [--dry-run]");
            return 64;
        }
        List<RetentionJob.Decision> decisions = dryRun ? job.plan() : job.run();
        decisions.forEach(d -> out.println((dryRun && d.action() == RetentionJob.Action.DESTROY ? "WOULD " : "") + d));
        long destroyed = decisions.stream().filter(d -> d.action() == RetentionJob.Action.DESTROY).count();
        out.printf("%s%d data key(s) %s; %d held by a legal hold%n", dryRun ? "dry run: " : "", destroyed,
                dryRun ? "would be destroyed" : "destroyed",
                decisions.stream().filter(d -> d.action() == RetentionJob.Action.HELD).count());
        return 0;
    }
}
