package dev.customsgateway.audit;

import dev.customsgateway.core.GatewayCommand;
import java.io.PrintStream;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar customs-gateway.jar checkpoint-log}: signs a checkpoint of the chain head now (and
 * time-stamps it when an authority is configured), e.g. before an export or at the end of a business day.
 */
@Component
class CheckpointLogCommand implements GatewayCommand {

    private final CheckpointSigner signer;

    CheckpointLogCommand(CheckpointSigner signer) {
        this.signer = signer;
    }

    @Override
    public String name() {
        return "checkpoint-log";
    }

    @Override
    public String summary() {
        return "sign a checkpoint of the message-log chain head now";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        signer.checkpoint().ifPresentOrElse(
                c -> out.printf("checkpoint at seq %d %s signed %s%s%n", c.seq(), c.entryHash(), c.signedAt(),
                        c.timestampToken() == null ? "" : ", time-stamped"),
                () -> out.println("nothing to sign: the chain head is already covered by a checkpoint"));
        return 0;
    }
}
