package dev.customsgateway.core;

import java.util.Objects;
import org.w3c.dom.Document;

/**
 * A customs message on its way through the pipeline: built by mapping, signed by signing, checked by customs,
 * written by delivery. Carries the DOM so no stage re-parses what the previous one produced.
 *
 * @param origin       the submission and order it came from
 * @param messageType  e.g. {@code CEB311}
 * @param schemaSet    the schema set it must validate against, e.g. {@code ceb-202205-import}
 * @param guid         the message guid (36 upper-case characters)
 * @param document     the message itself
 * @param asReceived   the exact bytes to deliver, when they exist already: for a message the merchant signed
 *                     itself (passthrough), its bytes as received, delivered unchanged; after our signature, the
 *                     signed document as serialised once for the log; null otherwise
 */
public record CustomsMessage(
        OrderOrigin origin, String messageType, String schemaSet, String guid, Document document, byte[] asReceived) {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    public CustomsMessage {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(document, "document");
    }

    public CustomsMessage(OrderOrigin origin, String messageType, String schemaSet, String guid, Document document) {
        this(origin, messageType, schemaSet, guid, document, null);
    }

    /** The same message with another document (after signing, say). */
    public CustomsMessage withDocument(Document replacement) {
        return new CustomsMessage(origin, messageType, schemaSet, guid, replacement, null);
    }

    /**
     * Whether the gateway XML-signs messages of this type: CEB messages yes, HMRC declarations no (they travel
     * over HTTPS with an OAuth2 token instead). A type that is no known family is signed.
     */
    public boolean requiresSignature() {
        for (MessageFamily family : MessageFamily.values()) {
            if (family.name().equals(messageType)) {
                return family.signed();
            }
        }
        return true;
    }

    /** Whether the message already carries a signature (a merchant's own, in passthrough). */
    /** The same message with its serialised form, so that later stages store and send it without serialising again. */
    public CustomsMessage withSerialized(byte[] serialized) {
        return new CustomsMessage(origin, messageType, schemaSet, guid, document, serialized);
    }

    public boolean isSigned() {
        for (org.w3c.dom.Node n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e && "Signature".equals(e.getLocalName())
                    && DSIG.equals(e.getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }
}
