package dev.customsgateway.core;

/** What a merchant is to customs; it decides which messages a submission produces. */
public enum MerchantRole {
    /** E-commerce platform: declares orders (CEB311 / CEB303). */
    PLATFORM,
    /** E-commerce enterprise selling on a platform: declares orders. */
    ENTERPRISE,
    /** Payment company: declares payments (CEB411). */
    PAYMENT,
    /** Logistics company: declares waybills (CEB511 / CEB505). */
    LOGISTICS,
    /** Customs broker: declares inventory lists (CEB621 / CEB603). */
    BROKER
}
