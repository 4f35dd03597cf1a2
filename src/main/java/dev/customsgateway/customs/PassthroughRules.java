package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.CebRecords;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.OrderLine;
import dev.customsgateway.core.OrderOrigin;
import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import dev.customsgateway.core.SubmittedOrder;
import dev.customsgateway.schema.ceb202205.imports.CEB311Message;
import dev.customsgateway.schema.ceb202205.imports.OrderHead;
import dev.customsgateway.schema.ceb202205.imports.OrderList;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rules for a ready customs message a merchant sends as it is (passthrough), before it is signed. An
 * unsigned import order (CEB311) is read back into canonical orders and goes through the same
 * {@link OrderRules} as any order (arithmetic, codes, the buyer's identity, declared once); other messages get
 * the declared-once rule here, record by record, and the official schema after signing. A message the merchant
 * signed itself is not changed, so its signature and schema are checked, and that none of its new orders is
 * declared twice.
 */
@Component("passthroughRules")
class PassthroughRules {

    private static final Map<String, String> ELEMENTS = Map.of("orderNo", "orderNo");

    private final OrderRules rules;
    private final StandingDeclarations declared;
    private final JAXBContext imports;

    PassthroughRules(OrderRules rules, StandingDeclarations declared) throws JAXBException {
        this.rules = rules;
        this.declared = declared;
        this.imports = JAXBContext.newInstance(CEB311Message.class);
    }

    /**
     * An unsigned message gets the rules of its orders; one the merchant signed, which is sent as it is, only the
     * rule that a new order is not declared twice. An order number may appear once in a message. Runs in the
     * transaction that writes the message's outbox row, so the order numbers it locks stay locked until the message
     * is declared; they are checked in order-number order, as every declaring transaction of several orders takes
     * its locks. Every order number the message declares is recorded with it ({@code message_order}): a message may
     * carry up to 100 records.
     */
    public CustomsMessage check(CustomsMessage message) throws JAXBException {
        List<RowError> errors = new ArrayList<>();
        List<CebRecords.Record> records = new ArrayList<>(CebRecords.of(message.document()));
        repeats(records, errors);
        List<String> declares = new ArrayList<>();
        if ("CEB311".equals(message.messageType())) {
            CEB311Message ceb = (CEB311Message) imports.createUnmarshaller().unmarshal(message.document());
            List<SubmittedOrder> orders = new ArrayList<>();
            int row = 1;
            for (CEB311Message.Order order : ceb.getOrder()) {
                CanonicalOrder canonical = canonical(order, row++);
                orders.add(SubmittedOrder.of(new OrderOrigin(message.origin().merchant(),
                        message.origin().submissionId(), canonical.orderNo(), canonical.sourceRow()), canonical));
            }
            orders.sort(Comparator.comparing(o -> o.order().orderNo(), Comparator.nullsLast(Comparator.naturalOrder())));
            for (SubmittedOrder order : orders) {
                declares.add(order.order().orderNo());
                try {
                    if (message.isSigned()) {
                        rules.checkNotDeclaredTwice(order);
                    } else {
                        rules.check(order);
                    }
                } catch (OrderRejectedException e) {
                    errors.addAll(e.errors());
                }
            }
        } else {
            records.removeIf(r -> r.number() == null || r.number().isEmpty());
            records.sort(Comparator.comparing(CebRecords.Record::number));
            for (CebRecords.Record record : records) {
                declares.add(record.number());
                declaredOnce(message, record, errors);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(RowError::row));
            throw new OrderRejectedException(errors);
        }
        declared.declaredIn(message.origin().merchant().id(), message.messageType(), message.guid(), declares);
        return message;
    }

    /** An order number twice in one message would be declared twice by it. */
    private static void repeats(List<CebRecords.Record> records, List<RowError> errors) {
        Map<String, Integer> firstRow = new HashMap<>();
        for (CebRecords.Record record : records) {
            if (record.number() == null || record.number().isEmpty()) {
                continue;
            }
            Integer first = firstRow.putIfAbsent(record.number(), record.row());
            if (first != null) {
                errors.add(new RowError(record.row(), record.element(), record.number(), "ORDER_REPEATED_IN_MESSAGE",
                        record.element() + " " + record.number() + " is already record " + first
                                + " of this message: each order is declared once"));
            }
        }
    }

    /**
     * As {@code OrderRules} for an order: a new record (appType 1) must not stand already; a change or deletion
     * (2, 3) of an unsigned message needs one that stands. One the merchant signed may change an original declared
     * elsewhere.
     */
    private void declaredOnce(CustomsMessage message, CebRecords.Record record, List<RowError> errors) {
        boolean isNew = "1".equals(record.appType());
        if (!isNew && message.isSigned()) {
            return;
        }
        var standing = declared.standing(message.origin().merchant().id(), message.messageType(), record.number());
        if (isNew && standing.isPresent()) {
            errors.add(new RowError(record.row(), record.element(), record.number(), "ORDER_ALREADY_DECLARED",
                    record.element() + " " + record.number() + " was already declared (" + message.messageType() + " "
                            + standing.get() + ")"));
        } else if (!isNew && standing.isEmpty()) {
            errors.add(new RowError(record.row(), "appType", record.appType(), "ORIGINAL_NOT_DECLARED",
                    "a change or deletion of " + record.element() + " " + record.number()
                            + " needs its original declaration, and there is none standing"));
        }
    }

    /** An order of a CEB311 message in canonical terms; errors name the customs elements. */
    private static CanonicalOrder canonical(CEB311Message.Order order, int row) {
        OrderHead h = order.getOrderHead();
        List<OrderLine> lines = new ArrayList<>();
        for (OrderList l : order.getOrderList()) {
            lines.add(new OrderLine(row, l.getGnum(), l.getItemNo(), l.getItemName(), l.getGmodel(), l.getBarCode(),
                    l.getUnit(), l.getQty(), l.getPrice(), l.getTotalPrice(), l.getCountry(), l.getNote()));
        }
        CanonicalOrder.Declaration declaration = new CanonicalOrder.Declaration(h.getAppType(), null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new CanonicalOrder(row, h.getOrderNo() == null ? null : h.getOrderNo().strip(), null,
                new CanonicalOrder.Buyer(h.getBuyerRegNo(), h.getBuyerName(), h.getBuyerIdType(), h.getBuyerIdNumber(),
                        h.getBuyerTelephone()),
                new CanonicalOrder.Consignee(h.getConsignee(), h.getConsigneeTelephone(), h.getConsigneeAddress(),
                        h.getConsigneeDistrict()),
                new CanonicalOrder.Payment(h.getPayCode(), h.getPayName(), h.getPayTransactionId()),
                h.getFreight(), h.getDiscount(), h.getTaxTotal(), h.getActuralPaid(), h.getCurrency(), h.getNote(),
                lines, elementNames(), declaration, null);
    }

    /** In passthrough the merchant's "columns" are the customs elements themselves. */
    private static Map<String, String> elementNames() {
        Map<String, String> names = new java.util.HashMap<>(ELEMENTS);
        for (OrderField field : OrderField.values()) {
            names.putIfAbsent(field.canonical.key(), field.element);
        }
        return names;
    }
}
