package dev.customsgateway.mapping;

import dev.customsgateway.core.CanonicalOrder;
import dev.customsgateway.core.Merchant;
import java.math.BigDecimal;

/**
 * What every message builder needs: the order, the declaring merchant, the message guid and the declaration
 * times in customs' form ({@code appTime} yyyyMMddHHmmss and {@code declTime} yyyyMMdd, Asia/Shanghai).
 */
record MessageContext(CanonicalOrder order, Merchant merchant, String guid, String appTime, String declTime) {

    static final String RMB = "142";
    /** 申报: declare (1 would only store the message at the e-port). */
    static final String APP_STATUS_DECLARE = "2";

    String appType() {
        return order.declaration().appType();
    }

    /** acturalPaid = goodsValue + freight + taxTotal - discount (SPEC22, OrderHead), unless the merchant gave it. */
    BigDecimal actualPaid() {
        return order.actualPaid() != null ? order.actualPaid()
                : order.goodsValue().add(order.freight()).add(order.taxTotal()).subtract(order.discount());
    }

    static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    static int packages(String packNo) {
        try {
            return packNo == null ? 1 : Integer.parseInt(packNo.strip());
        } catch (NumberFormatException e) {
            return 1; // the rules report a bad value before mapping; the schema fixes 1 for waybills anyway
        }
    }
}
