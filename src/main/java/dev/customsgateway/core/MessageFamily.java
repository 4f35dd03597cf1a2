package dev.customsgateway.core;

import java.util.Arrays;
import java.util.Set;

/**
 * The customs messages the gateway declares, and which merchants declare them: a merchant's role and trade
 * direction decide the message a submission produces (platforms and enterprises declare orders, payment
 * companies payments, logistics companies waybills, customs brokers inventory lists).
 */
public enum MessageFamily {
    CEB311(Direction.IMPORT, "order", Set.of(MerchantRole.PLATFORM, MerchantRole.ENTERPRISE)),
    CEB411(Direction.IMPORT, "payment", Set.of(MerchantRole.PAYMENT)),
    CEB511(Direction.IMPORT, "waybill", Set.of(MerchantRole.LOGISTICS)),
    CEB621(Direction.IMPORT, "inventory list", Set.of(MerchantRole.BROKER)),
    CEB303(Direction.EXPORT, "order", Set.of(MerchantRole.PLATFORM, MerchantRole.ENTERPRISE)),
    CEB505(Direction.EXPORT, "waybill", Set.of(MerchantRole.LOGISTICS)),
    CEB603(Direction.EXPORT, "inventory list", Set.of(MerchantRole.BROKER));

    /** Into China or out of it. */
    public enum Direction { IMPORT, EXPORT }

    private final Direction direction;
    private final String kind;
    private final Set<MerchantRole> declaredBy;

    MessageFamily(Direction direction, String kind, Set<MerchantRole> declaredBy) {
        this.direction = direction;
        this.kind = kind;
        this.declaredBy = declaredBy;
    }

    public Direction direction() {
        return direction;
    }

    /** What it declares, in words. */
    public String kind() {
        return kind;
    }

    /** The schema set a message of this family in the given schema version validates against. */
    public String schemaSet(String version) {
        return "ceb-" + version + "-" + direction.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The family a merchant declares; fails clearly for a role the direction has no message for. */
    public static MessageFamily declaredBy(MerchantRole role, Direction direction) {
        return Arrays.stream(values()).filter(f -> f.direction == direction && f.declaredBy.contains(role))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "no " + direction.name().toLowerCase(java.util.Locale.ROOT) + " message for role " + role));
    }
}
