package dev.customsgateway.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.springframework.stereotype.Component;

/**
 * Hands each receipt to the merchant through its SFTP home: the receipt XML as customs sent it, and one readable
 * line in {@code receipts/receipts.csv} (time, message type, guid, order, status, explanation, customs' words).
 * Merchants without an SFTP home (HTTP only) read receipts from the API instead.
 */
@Component
class MerchantReceiptFolder {

    static final String HEADER = "received_at,receipt,guid,order_no,status,explanation,return_info\n";

    private final Path root;

    MerchantReceiptFolder(ReceiptProperties properties) {
        this.root = properties.merchantFolders() == null ? null : properties.merchantFolders().toAbsolutePath();
    }

    synchronized void deliver(String merchantId, ReceiptEntry entry, String explanation, byte[] receipt,
            String receivedAt) {
        if (root == null || merchantId == null || !merchantId.matches("[A-Za-z0-9._-]+")) {
            return;
        }
        Path folder = root.resolve(merchantId).resolve("receipts");
        if (!Files.isDirectory(folder.getParent())) {
            return; // the merchant has no SFTP home
        }
        try {
            Files.createDirectories(folder);
            if (receipt != null) { // null: the receipt also concerns other merchants, so only this entry's line
                String name = entry.receiptType() + "_" + safe(entry.orderNo()) + "_" + safe(entry.guid()) + "_"
                        + safe(entry.returnStatus()) + ".xml";
                Path tmp = folder.resolve("." + name + ".tmp");
                Files.write(tmp, receipt);
                Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Path csv = folder.resolve("receipts.csv");
            if (!Files.exists(csv)) {
                Files.writeString(csv, HEADER, StandardCharsets.UTF_8);
            }
            Files.writeString(csv, String.join(",", cell(receivedAt), cell(entry.receiptType()), cell(entry.guid()),
                    cell(entry.orderNo()), cell(entry.returnStatus()), cell(explanation), cell(entry.returnInfo()))
                    + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the receipt into " + folder, e);
        }
    }

    /** A CSV cell: quoted, quotes doubled, and spreadsheet formulas neutralised. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-\\d+")) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static String safe(String s) {
        return s == null ? "" : s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
