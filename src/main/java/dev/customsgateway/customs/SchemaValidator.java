package dev.customsgateway.customs;

import dev.customsgateway.audit.LogStage;
import dev.customsgateway.audit.MessageLog;
import dev.customsgateway.core.CustomsMessage;
import dev.customsgateway.core.OfficialSchemas;
import dev.customsgateway.core.OrderRejectedException;
import dev.customsgateway.core.RowError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXParseException;

/**
 * Validates a signed customs message against its official schema (the signature is part of what the schema
 * checks: it is mandatory in some messages). Used by the {@code pipeline-order} route after signing. Schema
 * messages quote values, which may be personal data, so quoted values are redacted from what is reported.
 */
@Component("schemaValidator")
class SchemaValidator {

    private static final String CURRENT_ELEMENT = "http://apache.org/xml/properties/dom/current-element-node";
    private static final Pattern QUOTED_VALUE = Pattern.compile("(?i)(value|Value) '[^']*'");

    private final OfficialSchemas schemas;
    private final MessageLog messageLog;
    private final ThreadLocal<Map<String, Validator>> validators = ThreadLocal.withInitial(HashMap::new);

    SchemaValidator(OfficialSchemas schemas, MessageLog messageLog) {
        this.schemas = schemas;
        this.messageLog = messageLog;
    }

    public CustomsMessage validate(CustomsMessage message) throws IOException, SAXException {
        // One validator per schema set and thread: validators are not thread-safe, and making one per message
        // costs about as much as validating the message.
        Validator validator = validators.get().computeIfAbsent(message.schemaSet(),
                set -> schemas.get(set).newValidator());
        List<RowError> errors = new ArrayList<>();
        validator.setErrorHandler(new Collector(validator, message.origin().sourceRow(), errors));
        try {
            validator.validate(new DOMSource(message.document()));
        } finally {
            validator.setErrorHandler(null);
            validator.reset();
        }
        if (!errors.isEmpty()) {
            throw new OrderRejectedException(errors);
        }
        messageLog.recordMessage(message, LogStage.VALIDATED, "schema " + message.schemaSet());
        return message;
    }

    /** Collects every schema error (not just the first) with the element it concerns. */
    private static final class Collector implements ErrorHandler {
        private final Validator validator;
        private final int row;
        private final List<RowError> errors;

        Collector(Validator validator, int row, List<RowError> errors) {
            this.validator = validator;
            this.row = row;
            this.errors = errors;
        }

        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a message invalid
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(new RowError(row, currentElement(), null, "XSD_INVALID",
                    "the message does not match the official schema: "
                            + QUOTED_VALUE.matcher(e.getMessage()).replaceAll("$1 (redacted)")));
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            error(e);
            throw e;
        }

        private String currentElement() {
            try {
                Object node = validator.getProperty(CURRENT_ELEMENT);
                return node instanceof Element element ? element.getLocalName() : null;
            } catch (SAXNotRecognizedException | org.xml.sax.SAXNotSupportedException e) {
                return null;
            }
        }
    }
}
