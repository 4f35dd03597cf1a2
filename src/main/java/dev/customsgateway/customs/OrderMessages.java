package dev.customsgateway.customs;

import java.util.Optional;

/** The declared import order of an order number, when this gateway declared one (see {@link DeclaredOrderMessage}). */
interface OrderMessages {

    /** The standing CEB311 of this order number, whoever declared it here; empty when there is none. */
    Optional<DeclaredOrderMessage.OrderMessage> find(String orderNo);
}
