package dev.customsgateway.audit;

import dev.customsgateway.core.GatewayCommand;
import dev.customsgateway.core.SecretFiles;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.crypto.SecretKey;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code java -jar customs-gateway.jar master-key rotate} (gateway stopped): makes a new master key and wraps every
 * live data key with it in one transaction. The new key is written owner-only to {@code <key file>.new} first;
 * after the commit it replaces the key file, and the old one is kept as {@code <key file>.retired-<time>}: it is
 * still needed to read database backups taken before, and should be destroyed when the last of them is. Rotating
 * also limits what an old backup's wrapped copies of since-destroyed data keys are worth.
 * {@code master-key id} prints the id of the configured key (it is stored beside every wrapped data key).
 */
@Component
class MasterKeyCommand implements GatewayCommand {

    private final MasterKey master;
    private final DataKeys keys;
    private final TransactionTemplate tx;
    private final Clock clock;

    MasterKeyCommand(MasterKey master, DataKeys keys, TransactionTemplate tx, Clock clock) {
        this.master = master;
        this.keys = keys;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "master-key";
    }

    @Override
    public String summary() {
        return "master key of the content store: 'id' prints its id, 'rotate' wraps every data key with a new one";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.equals(List.of("id"))) {
            out.println(MasterKey.idOf(master.get(false)));
            return 0;
        }
        if (!args.equals(List.of("rotate"))) {
            err.println("usage: master-key id | master-key rotate   (rotate with the gateway stopped)");
            return 64;
        }
        if (master.fromEnvironment()) {
            err.println("master-key: the key comes from " + MasterKey.ENVIRONMENT_VARIABLE
                    + "; rotate it where that is kept (this command rotates the key file)");
            return 1;
        }
        SecretKey current = master.get(false);
        SecretKey next = MasterKey.generate();
        Path file = master.file();
        Path fresh = file.resolveSibling(file.getFileName() + ".new");
        SecretFiles.writeOwnerOnly(fresh, MasterKey.encode(next));
        Integer rewrapped = tx.execute(status -> keys.rewrap(current, next));
        // Committed: the data keys are now wrapped by the new key only. Put it in place, keep the old one aside.
        Path retired = file.resolveSibling(file.getFileName() + ".retired-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(clock.instant().atOffset(
                        java.time.ZoneOffset.UTC)));
        Files.move(file, retired);
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE);
        master.forget();
        out.printf("rotated: %d data key(s) now wrapped by master key %s (was %s); the old key is %s:"
                + " keep it only as long as database backups taken before now%n", rewrapped, MasterKey.idOf(next),
                MasterKey.idOf(current), retired);
        return 0;
    }
}
