package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalField;
import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.RowError;
import dev.customsgateway.core.SourceRecord;
import dev.customsgateway.core.SourceSettings;
import dev.customsgateway.core.SubmittedOrder;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The orders of one file, one at a time. Flat formats (CSV, XLSX) group contiguous rows with the same order
 * number into one order (a later repeat is an error naming both rows, since the rows between would have been
 * declared apart); nested formats (JSON, XML) give one order per record with its children as lines.
 */
final class OrderStream implements Iterator<SubmittedOrder>, Closeable {

    private final Iterator<SourceRecord> records;
    private final MappingProfile profile;
    private final LookupTables lookups;
    private final Merchant merchant;
    private final String submissionId;
    private final boolean flat;
    private final OrderNumbersSeen firstRows = new OrderNumbersSeen();
    private SourceRecord pending;

    OrderStream(Iterator<SourceRecord> records, MappingProfile profile, LookupTables lookups, Merchant merchant,
            String submissionId) {
        this.records = records;
        this.profile = profile;
        this.lookups = lookups;
        this.merchant = merchant;
        this.submissionId = submissionId;
        SourceSettings.SourceFormat format = profile.source().format();
        this.flat = format == SourceSettings.SourceFormat.CSV || format == SourceSettings.SourceFormat.XLSX;
    }

    @Override
    public boolean hasNext() {
        return pending != null || records.hasNext();
    }

    @Override
    public SubmittedOrder next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SourceRecord head = pending != null ? pending : records.next();
        pending = null;
        List<SourceRecord> lines = flat ? groupRows(head) : (head.children().isEmpty() ? List.of(head)
                : head.children());
        return build(head, lines);
    }

    private List<SourceRecord> groupRows(SourceRecord head) {
        String key = head.value(profile.orderKeyField());
        List<SourceRecord> rows = new ArrayList<>();
        rows.add(head);
        while (records.hasNext()) {
            SourceRecord next = records.next();
            if (!key.equals(next.value(profile.orderKeyField()))) {
                pending = next;
                break;
            }
            rows.add(next);
        }
        return rows;
    }

    private SubmittedOrder build(SourceRecord head, List<SourceRecord> lineRecords) {
        List<RowError> errors = new ArrayList<>();
        FieldReader read = new FieldReader(profile, lookups, errors);
        String orderNo = read.text(head, CanonicalField.ORDER_NO);
        checkRepeat(head, orderNo, read);
        if (flat) {
            checkOrderLevelAgreement(lineRecords, read);
        }
        List<OrderLine> lines = new ArrayList<>();
        for (SourceRecord line : lineRecords) {
            lines.add(line(line, lines.size() + 1, read));
        }
        CanonicalOrder order = new CanonicalOrder(head.row(), orderNo == null ? "" : orderNo,
                read.text(head, CanonicalField.ORDER_TIME),
                new CanonicalOrder.Buyer(read.text(head, CanonicalField.BUYER_REG_NO),
                        read.text(head, CanonicalField.BUYER_NAME),
                        orDefault(read.text(head, CanonicalField.BUYER_ID_TYPE), "1"),
                        read.text(head, CanonicalField.BUYER_ID_NUMBER), read.text(head, CanonicalField.BUYER_PHONE)),
                new CanonicalOrder.Consignee(read.text(head, CanonicalField.CONSIGNEE),
                        read.text(head, CanonicalField.CONSIGNEE_PHONE),
                        read.text(head, CanonicalField.CONSIGNEE_ADDRESS),
                        read.text(head, CanonicalField.CONSIGNEE_DISTRICT),
                        read.text(head, CanonicalField.CONSIGNEE_CITY),
                        read.text(head, CanonicalField.CONSIGNEE_POSTCODE),
                        read.text(head, CanonicalField.CONSIGNEE_COUNTRY),
                        read.text(head, CanonicalField.CONSIGNEE_EORI)),
                new CanonicalOrder.Payment(read.text(head, CanonicalField.PAY_CODE),
                        read.text(head, CanonicalField.PAY_NAME), read.text(head, CanonicalField.PAY_TRANSACTION_ID),
                        read.text(head, CanonicalField.PAY_TIME)),
                zeroIfNull(read.amount(head, CanonicalField.FREIGHT)),
                zeroIfNull(read.amount(head, CanonicalField.DISCOUNT)),
                zeroIfNull(read.amount(head, CanonicalField.TAX_TOTAL)),
                read.amount(head, CanonicalField.ACTUAL_PAID),
                orDefault(read.text(head, CanonicalField.CURRENCY), profile.currency()),
                read.text(head, CanonicalField.ORDER_NOTE), lines, profile.sourceNames(), declaration(head, read),
                logistics(head, read));
        OrderOrigin origin = new OrderOrigin(merchant, submissionId, order.orderNo(), head.row());
        return new SubmittedOrder(origin, order, errors);
    }

    private static CanonicalOrder.Declaration declaration(SourceRecord head, FieldReader read) {
        return new CanonicalOrder.Declaration(orDefault(read.text(head, CanonicalField.DECLARATION_TYPE), "1"),
                read.text(head, CanonicalField.COP_NO), read.text(head, CanonicalField.ASSURE_CODE),
                read.text(head, CanonicalField.EMS_NO), read.text(head, CanonicalField.CUSTOMS_CODE),
                read.text(head, CanonicalField.PORT_CODE), read.text(head, CanonicalField.TRADE_MODE),
                read.text(head, CanonicalField.TRAF_MODE), read.text(head, CanonicalField.TRAF_NO),
                read.text(head, CanonicalField.VOYAGE_NO), read.text(head, CanonicalField.LOCT_NO),
                read.text(head, CanonicalField.LICENSE_NO), read.text(head, CanonicalField.DEPARTURE_COUNTRY),
                read.text(head, CanonicalField.DESTINATION_PORT), read.text(head, CanonicalField.WRAP_TYPE),
                read.text(head, CanonicalField.AREA_CODE), read.text(head, CanonicalField.AREA_NAME));
    }

    private static CanonicalOrder.Logistics logistics(SourceRecord head, FieldReader read) {
        return new CanonicalOrder.Logistics(read.text(head, CanonicalField.LOGISTICS_CODE),
                read.text(head, CanonicalField.LOGISTICS_NAME), read.text(head, CanonicalField.LOGISTICS_NO),
                read.text(head, CanonicalField.BILL_NO), read.amount(head, CanonicalField.INSURED_FEE),
                read.amount(head, CanonicalField.GROSS_WEIGHT), read.amount(head, CanonicalField.NET_WEIGHT),
                read.text(head, CanonicalField.PACK_NO), read.text(head, CanonicalField.GOODS_INFO));
    }

    private OrderLine line(SourceRecord record, int gnum, FieldReader read) {
        BigDecimal qty = read.amount(record, CanonicalField.QTY);
        BigDecimal price = read.amount(record, CanonicalField.PRICE);
        BigDecimal total = read.amount(record, CanonicalField.TOTAL_PRICE);
        if (total == null && qty != null && price != null) {
            total = qty.multiply(price); // computed where the merchant leaves it out
        }
        return new OrderLine(record.row(), gnum, read.text(record, CanonicalField.ITEM_NO),
                read.text(record, CanonicalField.ITEM_NAME), read.text(record, CanonicalField.ITEM_MODEL),
                read.text(record, CanonicalField.BAR_CODE), read.text(record, CanonicalField.UNIT), qty, price,
                zeroIfNull(total), read.text(record, CanonicalField.COUNTRY), read.text(record, CanonicalField.LINE_NOTE),
                new OrderLine.Customs(read.text(record, CanonicalField.HS_CODE),
                        read.text(record, CanonicalField.ITEM_RECORD_NO), read.text(record, CanonicalField.LEGAL_UNIT),
                        read.amount(record, CanonicalField.LEGAL_QTY), read.text(record, CanonicalField.SECOND_UNIT),
                        read.amount(record, CanonicalField.SECOND_QTY),
                        read.text(record, CanonicalField.TRADE_COUNTRY)));
    }

    /** Rows of one order must be contiguous: a later block with the same number is an error naming both. */
    private void checkRepeat(SourceRecord head, String orderNo, FieldReader read) {
        if (orderNo == null) {
            return;
        }
        int earlier = firstRows.firstRowOrRecord(orderNo, head.row());
        if (earlier >= 0) {
            read.error(head, CanonicalField.ORDER_NO, orderNo, "ORDER_ROWS_NOT_CONTIGUOUS",
                    "the rows of order " + orderNo + " must be contiguous: it starts at row " + earlier
                            + " and appears again at row " + head.row());
        }
    }

    /** Order-level values may be repeated on later rows or left empty, but not changed. */
    private void checkOrderLevelAgreement(List<SourceRecord> rows, FieldReader read) {
        SourceRecord head = rows.get(0);
        for (SourceRecord row : rows.subList(1, rows.size())) {
            java.util.Set<String> reported = new java.util.HashSet<>();
            for (CanonicalField field : CanonicalField.values()) {
                if (field.level() != CanonicalField.Level.ORDER || field == CanonicalField.ORDER_NO
                        || !reported.add(read.column(field))) {
                    continue; // one error per merchant column, even when it feeds several fields
                }
                String later = read.raw(row, field);
                if (!later.isEmpty() && !later.equals(read.raw(head, field))) {
                    read.error(row, field, later, "ORDER_FIELD_CONFLICT", read.column(field)
                            + " differs from the order's first row " + head.row()
                            + "; order-level values must agree on every row of an order");
                }
            }
        }
    }

    private static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }

    @Override
    public void close() throws IOException {
        if (records instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
