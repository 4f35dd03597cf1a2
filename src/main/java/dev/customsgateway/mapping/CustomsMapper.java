package dev.customsgateway.mapping;

import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.Merchant;
import dev.customsgateway.core.MessageFamily;
import dev.customsgateway.core.SecureXml;
import dev.customsgateway.core.SubmittedOrder;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;

/**
 * Maps one canonical order to the customs message its merchant declares (by role and trade direction: CEB311,
 * CEB411, CEB511, CEB621, CEB303, CEB505, CEB603), in the schema version in force for the merchant today, with the merchant's
 * BaseTransfer; or, for a merchant declaring to HMRC, to the UK low-value declaration ({@link UkDeclarationBuilder}).
 * Records the unsigned XML in the message log. Used by the {@code pipeline-order} route after the
 * business rules.
 */
@Component("customsMapper")
class CustomsMapper {

    private static final ZoneId CUSTOMS_TIME = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter APP_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final DateTimeFormatter DECL_TIME = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Set<String> VERSIONS = Set.of("202205", "2018");

    private final JAXBContext imports;
    private final JAXBContext exports;
    private final MessageLog messageLog;
    private final Clock clock;
    private final Supplier<String> guids;
    private final ThreadLocal<Map<MessageFamily.Direction, Marshaller>> marshallers =
            ThreadLocal.withInitial(() -> new EnumMap<>(MessageFamily.Direction.class));

    @Autowired
    CustomsMapper(MessageLog messageLog, Clock clock) throws JAXBException {
        this(messageLog, clock, CustomsMapper::newGuid);
    }

    /** With the message ids given: the golden-file tests fix them, as they fix the clock. */
    CustomsMapper(MessageLog messageLog, Clock clock, Supplier<String> guids) throws JAXBException {
        this.imports = JAXBContext.newInstance("dev.customsgateway.schema.ceb202205.imports");
        this.exports = JAXBContext.newInstance("dev.customsgateway.schema.ceb202205.exports");
        this.messageLog = messageLog;
        this.clock = clock;
        this.guids = guids;
    }

    public CustomsMessage map(SubmittedOrder submitted) throws JAXBException {
        CustomsMessage result = build(submitted);
        messageLog.recordMessage(result, LogStage.MAPPED, "customs-xml", SecureXml.serialize(result.document()));
        return result;
    }

    /** The unsigned customs message for the order, without recording it. */
    CustomsMessage build(SubmittedOrder submitted) throws JAXBException {
        Merchant merchant = submitted.origin().merchant();
        if (merchant.family().authority() == MessageFamily.Authority.HMRC) {
            return mapUk(submitted, merchant.family());
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(CUSTOMS_TIME));
        String version = merchant.schemaVersionOn(now.toLocalDate());
        if (!VERSIONS.contains(version)) {
            throw new IllegalStateException("schema version " + version + " of merchant " + merchant.id()
                    + " is not supported");
        }
        MessageFamily family = merchant.family();
        String guid = guids.get();
        MessageContext context = new MessageContext(submitted.order(), merchant, guid, APP_TIME.format(now),
                DECL_TIME.format(now));
        Object message = switch (family) {
            case CEB311 -> ImportOrderBuilder.build(context);
            case CEB411 -> ImportPaymentBuilder.build(context);
            case CEB511 -> ImportWaybillBuilder.build(context);
            case CEB621 -> ImportInventoryBuilder.build(context);
            case CEB303 -> ExportOrderBuilder.build(context);
            case CEB505 -> ExportWaybillBuilder.build(context);
            case CEB603 -> ExportInventoryBuilder.build(context);
            case UK_SRDS -> throw new IllegalStateException("UK declarations are not CEB messages");
        };
        Document document = SecureXml.newDocument();
        Marshaller marshaller = marshallers.get().computeIfAbsent(family.direction(), this::newMarshaller);
        marshaller.marshal(message, document);
        document.setXmlStandalone(true);
        return new CustomsMessage(submitted.origin(), family.name(), family.schemaSet(version), guid, document);
    }

    /** The UK low-value declaration: a WCO DM document, no CEB schema version, no BaseTransfer. */
    private CustomsMessage mapUk(SubmittedOrder submitted, MessageFamily family) {
        Document document = UkDeclarationBuilder.build(submitted.order(), submitted.origin().merchant());
        return new CustomsMessage(submitted.origin(), family.name(), family.schemaSet(null), guids.get(), document);
    }

    /** Marshallers are not thread-safe but reusable: one per direction and thread. */
    private Marshaller newMarshaller(MessageFamily.Direction direction) {
        try {
            Marshaller marshaller = (direction == MessageFamily.Direction.IMPORT ? imports : exports)
                    .createMarshaller();
            marshaller.setProperty("org.glassfish.jaxb.namespacePrefixMapper", CustomsPrefixes.INSTANCE);
            return marshaller;
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot make a marshaller for the " + direction + " messages", e);
        }
    }

    /** 36 upper-case characters, as the specification asks ("英文字母大写"). */
    static String newGuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
