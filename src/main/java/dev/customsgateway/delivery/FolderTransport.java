package dev.customsgateway.delivery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.springframework.stereotype.Component;

/**
 * Drops the signed XML into a folder, one sub-folder per merchant, in the convention of the e-port's transfer
 * client (it sends what appears in its outbound folder): written to a hidden temporary file, forced to disk,
 * then renamed, so the client never picks up half a message. With {@code envelope.kind: DXP} the file is the
 * terminal-node {@code DxpMsg} carrying the message in Base64 ({@link DxpEnvelopeWriter}).
 */
@Component
class FolderTransport implements Transport {

    private final Path root;
    private final DxpEnvelopeWriter dxp;

    FolderTransport(DeliveryProperties properties, DxpEnvelopeWriter dxp) {
        this.root = properties.outboxDir().toAbsolutePath();
        this.dxp = dxp;
    }

    @Override
    public TransportResult send(OutboxItem item, DeliveryProperties.Destination destination, byte[] signed) {
        byte[] message;
        try {
            message = destination.envelope().kind() == DeliveryProperties.EnvelopeKind.DXP
                    ? dxp.wrap(item, destination.envelope(), signed) : signed;
        } catch (IllegalArgumentException e) {
            return new TransportResult(TransportResult.Outcome.PERMANENT, null, new byte[0], null, e.getMessage());
        }
        try {
            Path folder = root.resolve(OutboxNames.safe(item.merchantId()));
            Files.createDirectories(folder);
            Path tmp = folder.resolve("." + item.fileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(message));
                channel.force(true);
            }
            Files.move(tmp, folder.resolve(item.fileName()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return TransportResult.delivered(null, new byte[0]);
        } catch (IOException e) {
            return TransportResult.retry(null, new byte[0], null, "cannot write to " + root + ": " + e.getMessage());
        }
    }
}
