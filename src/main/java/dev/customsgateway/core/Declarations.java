package dev.customsgateway.core;

import java.util.Optional;

/**
 * Whether an order stands declared, for capabilities other than the one that keeps the rule ({@code customs}):
 * an operator's replay of a dead-lettered message must not declare an order a later message declares.
 */
public interface Declarations {

    /**
     * The guid of the standing declaration of this order in this message type, if there is one. Inside a
     * transaction the order number stays locked until it ends, so nothing declares it meanwhile.
     */
    Optional<String> standing(String merchantId, String messageType, String orderNo);
}
