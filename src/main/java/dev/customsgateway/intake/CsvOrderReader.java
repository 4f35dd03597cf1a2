package dev.customsgateway.intake;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.RowError;
import dev.customsgateway.core.SubmittedOrder;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV upload (RFC 4180, UTF-8 with or without BOM) order by order, streaming: only the rows of the
 * current order are in memory. Rows are numbered as a spreadsheet shows them (the header is row 1). Fields that
 * cannot be read (a number that is not one, an order whose rows are not contiguous, an order-level value that
 * changes between rows) become {@link RowError}s of that order; the file goes on.
 */
final class CsvOrderReader implements Iterator<SubmittedOrder>, Closeable {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Merchant merchant;
    private final String submissionId;
    private final Set<Integer> skip;
    private final Map<String, Integer> seenOrders = new HashMap<>();
    private CSVRecord pending;
    private SubmittedOrder next;

    CsvOrderReader(InputStream in, Merchant merchant, String submissionId, Set<Integer> skip) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        this.parser = CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true)
                .get().parse(withoutBom(reader));
        this.records = parser.iterator();
        this.merchant = merchant;
        this.submissionId = submissionId;
        this.skip = skip;
        this.pending = records.hasNext() ? records.next() : null;
    }

    @Override
    public boolean hasNext() {
        while (next == null && pending != null) {
            next = readOrder();
        }
        return next != null;
    }

    @Override
    public SubmittedOrder next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SubmittedOrder result = next;
        next = null;
        return result;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Reads the rows of one order; returns null for an order that already has an outcome (a restart). */
    private SubmittedOrder readOrder() {
        List<CSVRecord> rows = new ArrayList<>();
        String orderNo = value(pending, CsvColumns.ORDER_NO);
        do {
            rows.add(pending);
            pending = advance();
        } while (pending != null && orderNo.equals(value(pending, CsvColumns.ORDER_NO)));
        int firstRow = rowOf(rows.get(0));
        List<RowError> errors = new ArrayList<>();
        Integer earlier = seenOrders.putIfAbsent(orderNo, firstRow);
        if (earlier != null && !orderNo.isEmpty()) {
            errors.add(new RowError(firstRow, CsvColumns.ORDER_NO, orderNo, "ORDER_ROWS_NOT_CONTIGUOUS",
                    "rows of order " + orderNo + " must be contiguous: it starts at row " + earlier
                            + " and appears again at row " + firstRow));
        }
        OrderOrigin origin = new OrderOrigin(merchant, submissionId, orderNo, firstRow);
        if (skip.contains(firstRow)) {
            return null;
        }
        CsvOrderBuilder builder = new CsvOrderBuilder(rows, errors);
        CanonicalOrder order = builder.build(orderNo);
        return new SubmittedOrder(origin, order, errors);
    }

    private CSVRecord advance() {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("CSV is malformed after row " + (rowOfLast() + 1), e.getCause());
        }
    }

    private long rowOfLast() {
        return parser.getRecordNumber();
    }

    static int rowOf(CSVRecord record) {
        return Math.toIntExact(record.getRecordNumber() + 1);
    }

    static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
    }

    private static Reader withoutBom(Reader reader) throws IOException {
        java.io.PushbackReader pushback = new java.io.PushbackReader(reader, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return pushback;
    }

    /** Builds the canonical order from its rows, collecting what cannot be read. */
    private static final class CsvOrderBuilder {
        private final List<CSVRecord> rows;
        private final List<RowError> errors;

        CsvOrderBuilder(List<CSVRecord> rows, List<RowError> errors) {
            this.rows = rows;
            this.errors = errors;
        }

        CanonicalOrder build(String orderNo) {
            CSVRecord head = rows.get(0);
            checkOrderLevelAgreement(head);
            List<OrderLine> lines = new ArrayList<>();
            for (CSVRecord row : rows) {
                lines.add(line(row, lines.size() + 1));
            }
            return new CanonicalOrder(rowOf(head), orderNo,
                    new CanonicalOrder.Buyer(text(head, CsvColumns.BUYER_REG_NO), text(head, CsvColumns.BUYER_NAME),
                            orDefault(text(head, CsvColumns.BUYER_ID_TYPE), "1"),
                            text(head, CsvColumns.BUYER_ID_NUMBER), text(head, CsvColumns.BUYER_PHONE)),
                    new CanonicalOrder.Consignee(text(head, CsvColumns.CONSIGNEE),
                            text(head, CsvColumns.CONSIGNEE_PHONE), text(head, CsvColumns.CONSIGNEE_ADDRESS),
                            blankToNull(text(head, CsvColumns.CONSIGNEE_DISTRICT))),
                    new CanonicalOrder.Payment(blankToNull(text(head, CsvColumns.PAY_CODE)),
                            blankToNull(text(head, CsvColumns.PAY_NAME)),
                            blankToNull(text(head, CsvColumns.PAY_TRANSACTION_ID))),
                    amount(head, CsvColumns.FREIGHT, BigDecimal.ZERO),
                    amount(head, CsvColumns.DISCOUNT, BigDecimal.ZERO),
                    amount(head, CsvColumns.TAX_TOTAL, BigDecimal.ZERO),
                    amount(head, CsvColumns.ACTUAL_PAID, null),
                    blankToNull(text(head, CsvColumns.ORDER_NOTE)),
                    lines);
        }

        private OrderLine line(CSVRecord row, int gnum) {
            BigDecimal qty = amount(row, CsvColumns.QTY, null);
            BigDecimal price = amount(row, CsvColumns.PRICE, null);
            BigDecimal total = amount(row, CsvColumns.TOTAL_PRICE, null);
            if (total == null && qty != null && price != null) {
                total = qty.multiply(price); // computed where the merchant leaves it out
            }
            return new OrderLine(rowOf(row), gnum, blankToNull(text(row, CsvColumns.ITEM_NO)),
                    text(row, CsvColumns.ITEM_NAME), text(row, CsvColumns.ITEM_MODEL),
                    blankToNull(text(row, CsvColumns.BAR_CODE)), text(row, CsvColumns.UNIT), qty, price,
                    total == null ? BigDecimal.ZERO : total, text(row, CsvColumns.COUNTRY),
                    blankToNull(text(row, CsvColumns.ITEM_NOTE)));
        }

        private void checkOrderLevelAgreement(CSVRecord head) {
            for (CSVRecord row : rows.subList(1, rows.size())) {
                for (String column : CsvColumns.ORDER_LEVEL) {
                    String later = value(row, column);
                    if (!later.isEmpty() && !later.equals(value(head, column))) {
                        errors.add(shown(row, column, later, "ORDER_FIELD_CONFLICT",
                                column + " differs from the order's first row " + rowOf(head)
                                        + "; order-level columns must agree on every row of an order"));
                    }
                }
            }
        }

        private BigDecimal amount(CSVRecord row, String column, BigDecimal absent) {
            String raw = value(row, column);
            if (raw.isEmpty()) {
                return absent;
            }
            try {
                return new BigDecimal(raw);
            } catch (NumberFormatException e) {
                errors.add(new RowError(rowOf(row), column, raw, "NUMBER_INVALID",
                        column + " is not a decimal number (use a point as decimal separator)"));
                return absent;
            }
        }

        private static String text(CSVRecord row, String column) {
            return value(row, column);
        }

        private static RowError shown(CSVRecord row, String column, String value, String rule, String message) {
            return CsvColumns.PERSONAL.contains(column)
                    ? RowError.personal(rowOf(row), column, value, rule, message)
                    : new RowError(rowOf(row), column, value, rule, message);
        }
    }

    private static String orDefault(String s, String fallback) {
        return s.isEmpty() ? fallback : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
