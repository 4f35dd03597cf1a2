package dev.customsgateway.receipts;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Explains receipt status codes in words, per receipt type: CEB receipts from
 * {@code codes/china-ceb/receipt_status.csv} (a negative code is a processing error whatever the type), the
 * exchange platform's {@code DxpRep} response codes from {@code codes/china-ceb/dxp_response.csv}, and WCO DMS
 * notifications from {@code codes/wco/dms_function_codes.csv} (provenance in the SOURCES.md beside each).
 */
@Component
class ReceiptCodes {

    private final Map<String, String> words = new HashMap<>();
    private final List<DxpRange> dxp = new ArrayList<>();
    private final Map<String, Dms> dmsByCode = new HashMap<>();
    private final Map<String, Dms> dmsByName = new HashMap<>();

    ReceiptCodes() {
        read("codes/china-ceb/receipt_status.csv", r -> {
            for (String type : r.get("receipts").split(";")) {
                words.put(type + ":" + r.get("code"), r.get("name_en") + " (" + r.get("name_zh") + ")");
            }
        });
        read("codes/china-ceb/dxp_response.csv", r -> dxp.add(new DxpRange(Integer.parseInt(r.get("from")),
                Integer.parseInt(r.get("to")), r.get("class_en"), r.get("code_en"))));
        read("codes/wco/dms_function_codes.csv", r -> {
            Dms dms = new Dms(r.get("function_code"), r.get("name"), r.get("meaning_en"),
                    Boolean.parseBoolean(r.get("negative")));
            dmsByCode.put(dms.code(), dms);
            dmsByName.put(dms.name(), dms);
        });
    }

    String explain(String receiptType, String status) {
        if (DxpResponseParser.TYPE.equals(receiptType)) {
            return explainDxp(status);
        }
        if (DmsNotificationParser.TYPE.equals(receiptType)) {
            return explainDms(status);
        }
        if (status != null && status.startsWith("-")) {
            return "processing error " + status + " (处理失败): see the receipt's returnInfo";
        }
        return words.getOrDefault(receiptType + ":" + status, "status " + status + " (not in the code table)");
    }

    /** Whether the exchange platform took the message: a response code whose value is 0. */
    static boolean transportAccepted(String code) {
        return code != null && code.matches("0+");
    }

    /** The DMS notification name of a function code ({@code 03} is {@code DMSREJ}); the code itself if unknown. */
    String dmsName(String functionCode) {
        String code = functionCode.length() == 1 ? "0" + functionCode : functionCode;
        Dms dms = dmsByCode.get(code);
        return dms == null ? code : dms.name();
    }

    private String explainDxp(String code) {
        if (transportAccepted(code)) {
            return dxp.stream().filter(r -> r.from() == 0).findFirst().map(DxpRange::words)
                    .orElse("transport-accepted");
        }
        int value;
        try {
            value = Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return "transport-rejected (error): response code " + code + " (not in the code table)";
        }
        String range = dxp.stream().filter(r -> r.from() <= value && value <= r.to() && r.words().isEmpty())
                .map(DxpRange::kind).findFirst().orElse("unknown error");
        String exact = dxp.stream().filter(r -> r.from() == value && r.to() == value && !r.words().isEmpty())
                .map(DxpRange::words).findFirst().orElse(null);
        return "transport-rejected (error): " + range + (exact == null ? "" : ", " + exact) + " (code " + code + ")";
    }

    private String explainDms(String name) {
        Dms dms = dmsByName.get(name);
        if (dms == null) {
            return "DMS notification with function code " + name + " (not in the code table)";
        }
        String words = dms.name() + " (function code " + dms.code() + ")"
                + (dms.meaning().isEmpty() ? "" : ": " + dms.meaning());
        return dms.negative() ? "rejected (error): " + words : words;
    }

    private static void read(String resource, Consumer<CSVRecord> row) {
        try (Reader in = new InputStreamReader(new ClassPathResource(resource).getInputStream(),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                row.accept(r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("code table " + resource + " is missing from the build", e);
        }
    }

    private record DxpRange(int from, int to, String kind, String words) {
    }

    private record Dms(String code, String name, String meaning, boolean negative) {
    }
}
