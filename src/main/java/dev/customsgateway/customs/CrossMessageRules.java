package dev.customsgateway.customs;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.OrderLine;
import java.util.List;
import java.util.Objects;

/**
 * Customs compares the messages of one order with each other: the waybill's consignee must be the order's
 * (name, phone, address), and the inventory list's goods lines must be the order's, gnum by gnum. Checked here
 * against the order message this gateway declared, so the mismatch is found before customs rejects it.
 */
final class CrossMessageRules {

    private CrossMessageRules() {
    }

    static void waybill(CanonicalOrder waybill, DeclaredOrderMessage.OrderMessage order, FieldChecks f) {
        int row = waybill.sourceRow();
        CanonicalOrder.Consignee c = waybill.consignee();
        agree(row, OrderField.CONSIGNEE, c.name(), order.consignee(), f);
        agree(row, OrderField.CONSIGNEE_PHONE, c.telephone(), order.consigneePhone(), f);
        agree(row, OrderField.CONSIGNEE_ADDRESS, c.address(), order.consigneeAddress(), f);
    }

    static void inventory(CanonicalOrder inventory, DeclaredOrderMessage.OrderMessage order, FieldChecks f) {
        List<OrderLine> lines = inventory.lines();
        if (lines.size() != order.lines().size()) {
            f.add(inventory.sourceRow(), OrderField.ORDER_NO, inventory.orderNo(), "ORDER_LINES_MISMATCH",
                    "the inventory list has " + lines.size() + " goods lines but the declared order (CEB311) has "
                            + order.lines().size() + "; customs matches them gnum by gnum");
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            DeclaredOrderMessage.Line declared = order.lines().get(i);
            if (line.gnum() != declared.gnum() || !Objects.equals(line.itemName(), declared.itemName())) {
                f.add(line.sourceRow(), OrderField.ITEM_NAME, line.itemName(), "ORDER_LINES_MISMATCH",
                        OrderField.ITEM_NAME.label() + " of gnum " + line.gnum() + " must be the declared order's "
                                + "gnum " + declared.gnum() + " (" + declared.itemName() + ")");
            }
        }
    }

    private static void agree(int row, OrderField field, String value, String declared, FieldChecks f) {
        if (declared != null && !declared.equals(value)) {
            f.add(row, field, value, "CONSIGNEE_MISMATCH", field.label()
                    + " must equal the declared order's (CEB311): customs compares order and waybill");
        }
    }
}
