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
 */
public record CustomsMessage(
        OrderOrigin origin, String messageType, String schemaSet, String guid, Document document) {

    public CustomsMessage {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(document, "document");
    }

    /** The same message with another document (after signing, say). */
    public CustomsMessage withDocument(Document replacement) {
        return new CustomsMessage(origin, messageType, schemaSet, guid, replacement);
    }
}
