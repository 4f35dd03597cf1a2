package dev.customsgateway.audit;

import dev.customsgateway.core.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The filtered message list as CSV ({@code GET /api/v1/audit/messages.csv}), written as it is read, a page of
 * {@link MessageQueries#MAX_LIMIT} at a time, so an export of years of messages needs no more memory than one
 * page. Cells a spreadsheet would run as formulas are neutralised ({@link CsvCells}); the buyer is masked.
 */
final class MessageCsv {

    static final List<String> COLUMNS = List.of("created_at", "delivered_at", "guid", "merchant", "message_type",
            "order_no", "business_keys", "buyer_masked", "delivery_status", "receipt_code", "receipt_explanation",
            "receipt_received_at");

    private MessageCsv() {
    }

    static void write(MessageQueries queries, MessageFilter filter, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                .setHeader(COLUMNS.toArray(String[]::new)).get())) {
            queries.forEachPage(filter, page -> {
                Map<String, List<MessageQueries.BusinessKey>> keys =
                        queries.businessKeys(page.stream().map(MessageQueries.MessageRow::guid).toList());
                try {
                    for (MessageQueries.MessageRow row : page) {
                        printer.printRecord(cells(row, keys.getOrDefault(row.guid(), List.of())));
                    }
                    printer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause(); // the client went away: nothing to answer
        }
    }

    private static List<String> cells(MessageQueries.MessageRow row, List<MessageQueries.BusinessKey> keys) {
        String joined = keys.stream().map(k -> k.name() + "=" + k.value()).collect(Collectors.joining("; "));
        return Arrays.asList(text(row.createdAt()), text(row.deliveredAt()), row.guid(), row.merchantId(),
                row.messageType(), row.orderNo(), joined, row.buyerMasked(), row.state(), row.customsStatus(),
                row.customsExplanation(), text(row.customsAnsweredAt())).stream().map(CsvCells::neutral).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
