package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalOrder;
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
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The rules for a ready customs message a merchant sends as it is (passthrough), before it is signed. An
 * unsigned import order (CEB311) is read back into canonical orders and goes through the same
 * {@link OrderRules} as any order (arithmetic, codes, the buyer's identity, declared once); other messages get
 * the declared-once rule here and the official schema after signing. A message the merchant signed itself is
 * not changed, so only its signature and schema are checked.
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
     * An unsigned message gets the rules of its orders; one the merchant signed, which is sent as it is, the
     * declared-once rule only. Runs in the transaction that writes the message's outbox row, so the order numbers it
     * locks stay locked until the message is declared; they are checked in order-number order, as every declaring
     * transaction of several orders should take its locks.
     */
    public CustomsMessage check(CustomsMessage message) throws JAXBException {
        List<RowError> errors = new ArrayList<>();
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
                try {
                    if (message.isSigned()) {
                        rules.checkDeclaredOnce(order);
                    } else {
                        rules.check(order);
                    }
                } catch (OrderRejectedException e) {
                    errors.addAll(e.errors());
                }
            }
            errors.sort(Comparator.comparingInt(RowError::row));
        } else {
            String orderNo = message.origin().orderNo();
            declared.standing(message.origin().merchant().id(), message.messageType(), orderNo).ifPresent(guid ->
                    errors.add(new RowError(1, "orderNo", orderNo, "ORDER_ALREADY_DECLARED", "order " + orderNo
                            + " was already declared (" + message.messageType() + " " + guid + ")")));
        }
        if (!errors.isEmpty()) {
            throw new OrderRejectedException(errors);
        }
        return message;
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
        return new CanonicalOrder(row, h.getOrderNo(), null,
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
