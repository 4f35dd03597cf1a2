package dev.customsgateway.core;

import java.util.Optional;

/**
 * Whether an order stands declared, for capabilities other than the one that keeps the rule ({@code customs}):
 * an operator's replay of a dead-lettered message must not declare an order a later message declares.
 */
public interface Declarations {

    /**
     * An order of the message (the number its outbox row names and, for a passthrough message of several records,
     * the others) that another message now stands declared for. Each number is locked as it is looked at, in
     * order-number order: inside a transaction nothing declares them until it ends.
     */
    Optional<Standing> declaredElsewhere(String merchantId, String messageType, String guid, String orderNo);

    /** An order number and the guid of the message it stands declared by. */
    record Standing(String orderNo, String guid) {
    }
}
