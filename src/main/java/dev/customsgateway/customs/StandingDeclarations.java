package dev.customsgateway.customs;

import java.util.Optional;

/** Answers whether an order already has a standing declaration (see {@link DeclaredOrders}). */
interface StandingDeclarations {

    /** The guid of the standing declaration of this order in this message type, if there is one. */
    Optional<String> standing(String merchantId, String messageType, String orderNo);
}
