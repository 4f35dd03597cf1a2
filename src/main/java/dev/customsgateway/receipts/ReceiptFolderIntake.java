package dev.customsgateway.receipts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Receipts from the e-port transfer client's inbound folder (the {@code receipts-folder} route): each file goes
 * through the same intake as the HTTP callback. Returns the sub-folder the route moves the file to:
 * {@code processed}, or {@code failed} with {@code <name>.reason.txt} beside it saying why. Other errors (the
 * database away) propagate, and the file stays where it is to be tried again.
 */
@Component("receiptFolderIntake")
class ReceiptFolderIntake {

    static final String SOURCE = "folder";
    private static final Logger LOG = LoggerFactory.getLogger(ReceiptFolderIntake.class);

    private final ReceiptIntake intake;
    private final ReceiptProperties properties;

    ReceiptFolderIntake(ReceiptIntake intake, ReceiptProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    public String ingest(@Body byte[] receipt, @Header("CamelFileNameOnly") String name) throws IOException {
        try {
            int fresh = intake.accept(receipt, SOURCE);
            LOG.info("Receipt file {} taken in ({} new entries)", name, fresh);
            return "processed";
        } catch (IllegalArgumentException e) {
            Path failed = properties.inboundDir().resolve("failed");
            Files.createDirectories(failed);
            Files.writeString(failed.resolve(name + ".reason.txt"), e.getMessage() + "\n", StandardCharsets.UTF_8);
            LOG.warn("Receipt file {} refused: {}", name, e.getMessage());
            return "failed";
        }
    }
}
