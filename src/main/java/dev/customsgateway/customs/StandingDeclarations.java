package dev.customsgateway.customs;

import java.util.Optional;

/** Answers whether an order already has a standing declaration (see {@link DeclaredOrders}). */
interface StandingDeclarations {

    /** The guid of the standing declaration of this order in this message type, if there is one. */
    Optional<String> standing(String merchantId, String messageType, String orderNo);


    /**
     * Locks the order number until the transaction ends, as {@link #standing} does before it looks. Nothing to lock
     * for an answer that is not shared between transactions.
     */
    default void lock(String merchantId, String messageType, String orderNo) {
    }

    /**
     * Records every order number a message declares, for a message of several records (passthrough), in the
     * transaction that writes its outbox row.
     */
    default void declaredIn(String merchantId, String messageType, String guid, java.util.Collection<String> orderNos) {
    }
}
