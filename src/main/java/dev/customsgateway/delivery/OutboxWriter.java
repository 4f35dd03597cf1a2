package dev.customsgateway.delivery;

import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.SecureXml;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.springframework.stereotype.Component;

/**
 * Writes a signed message into the merchant's outbox folder under a name that says which order it is
 * ({@code CEB311_<orderNo>_<guid>.xml}): written to a hidden temporary file, forced to disk, then renamed, so a
 * reader of the folder never sees half a message. Used last in the {@code pipeline-order} route; returns the
 * file name.
 */
@Component("outboxWriter")
class OutboxWriter {

    private final Path outbox;
    private final MessageLog messageLog;

    OutboxWriter(DeliveryProperties properties, MessageLog messageLog) {
        this.outbox = properties.outboxDir().toAbsolutePath();
        this.messageLog = messageLog;
    }

    public String write(CustomsMessage message) throws IOException {
        byte[] xml = SecureXml.serialize(message.document());
        Path folder = outbox.resolve(safe(message.origin().merchant().id()));
        Files.createDirectories(folder);
        String name = message.messageType() + "_" + safe(message.origin().orderNo()) + "_" + message.guid() + ".xml";
        Path tmp = folder.resolve("." + name + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(xml));
            channel.force(true);
        }
        Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        messageLog.recordMessage(message, LogStage.WRITTEN, "outbox-xml", xml);
        return name;
    }

    /** Order numbers come from merchants: keep letters, digits, dot, dash and underscore, nothing else. */
    static String safe(String s) {
        String cleaned = s.replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.startsWith(".")) {
            cleaned = "_" + cleaned.substring(1);
        }
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}
