package dev.customsgateway.core;

import java.util.Arrays;
import java.util.Set;

/**
 * The customs messages the gateway declares, and which merchants declare them: a merchant's customs authority,
 * role and trade direction decide the message a submission produces (for China: platforms and enterprises
 * declare orders, payment companies payments, logistics companies waybills, customs brokers inventory lists;
 * for the UK: one low-value import declaration per order, whoever declares it).
 */
public enum MessageFamily {
    CEB311(Direction.IMPORT, "order", Set.of(MerchantRole.PLATFORM, MerchantRole.ENTERPRISE)),
    CEB411(Direction.IMPORT, "payment", Set.of(MerchantRole.PAYMENT)),
    CEB511(Direction.IMPORT, "waybill", Set.of(MerchantRole.LOGISTICS)),
    CEB621(Direction.IMPORT, "inventory list", Set.of(MerchantRole.BROKER)),
    CEB303(Direction.EXPORT, "order", Set.of(MerchantRole.PLATFORM, MerchantRole.ENTERPRISE)),
    CEB505(Direction.EXPORT, "waybill", Set.of(MerchantRole.LOGISTICS)),
    CEB603(Direction.EXPORT, "inventory list", Set.of(MerchantRole.BROKER)),
    /**
     * HMRC (Northern Ireland) "Super Reduced Data Set" import declaration in the WCO Data Model: procedure 4000
     * with additional procedure codes 1H7 and C07, intrinsic value up to GBP 135. Not XML-signed.
     */
    UK_SRDS(Direction.IMPORT, "low-value import declaration", Set.of(MerchantRole.PLATFORM, MerchantRole.ENTERPRISE,
            MerchantRole.LOGISTICS, MerchantRole.BROKER), Authority.HMRC);

    /** Into the authority's territory or out of it. */
    public enum Direction { IMPORT, EXPORT }

    /** Whose customs the merchant declares to: China's (GACC, the default) or the UK's (HMRC). */
    public enum Authority { GACC, HMRC }

    private final Direction direction;
    private final String kind;
    private final Set<MerchantRole> declaredBy;
    private final Authority authority;

    MessageFamily(Direction direction, String kind, Set<MerchantRole> declaredBy) {
        this(direction, kind, declaredBy, Authority.GACC);
    }

    MessageFamily(Direction direction, String kind, Set<MerchantRole> declaredBy, Authority authority) {
        this.direction = direction;
        this.kind = kind;
        this.declaredBy = declaredBy;
        this.authority = authority;
    }

    public Authority authority() {
        return authority;
    }

    /** Whether messages of this family carry an XML signature: CEB messages do, HMRC declarations do not. */
    public boolean signed() {
        return authority == Authority.GACC;
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
        if (authority == Authority.HMRC) {
            return OfficialSchemas.WCO_DECLARATION; // one schema version, whatever the merchant's CEB version
        }
        return "ceb-" + version + "-" + direction.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The China family a merchant declares; fails clearly for a role the direction has no message for. */
    public static MessageFamily declaredBy(MerchantRole role, Direction direction) {
        return declaredBy(role, direction, Authority.GACC);
    }

    /** The family a merchant declares to an authority; fails clearly when there is none for its role. */
    public static MessageFamily declaredBy(MerchantRole role, Direction direction, Authority authority) {
        return Arrays.stream(values()).filter(f -> f.authority == authority && f.direction == direction
                        && f.declaredBy.contains(role))
                .findFirst().orElseThrow(() -> new IllegalStateException("no " + authority + " "
                        + direction.name().toLowerCase(java.util.Locale.ROOT) + " message for role " + role));
    }
}
