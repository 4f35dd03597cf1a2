package dev.customsgateway.receipts;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Explains receipt status codes in words, per receipt type, from {@code codes/china-ceb/receipt_status.csv}
 * (provenance in its SOURCES.md). A negative code is a processing error whatever the type.
 */
@Component
class ReceiptCodes {

    private final Map<String, String> words = new HashMap<>();

    ReceiptCodes() {
        try (Reader in = new InputStreamReader(new ClassPathResource("codes/china-ceb/receipt_status.csv")
                .getInputStream(), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                for (String type : r.get("receipts").split(";")) {
                    words.put(type + ":" + r.get("code"), r.get("name_en") + " (" + r.get("name_zh") + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("receipt code table is missing from the build", e);
        }
    }

    String explain(String receiptType, String status) {
        if (status != null && status.startsWith("-")) {
            return "processing error " + status + " (处理失败): see the receipt's returnInfo";
        }
        return words.getOrDefault(receiptType + ":" + status, "status " + status + " (not in the code table)");
    }
}
