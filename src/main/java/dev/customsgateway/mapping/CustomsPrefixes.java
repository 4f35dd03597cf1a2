package dev.customsgateway.mapping;

import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;

/**
 * Writes the prefixes customs' own samples use ({@code ceb:}, {@code ds:}) instead of JAXB's {@code ns2}, so
 * the messages read like the specification's. Prefixes mean nothing to a namespace-aware receiver; they help
 * the people who read the XML.
 */
final class CustomsPrefixes extends NamespacePrefixMapper {

    static final CustomsPrefixes INSTANCE = new CustomsPrefixes();

    private CustomsPrefixes() {
    }

    @Override
    public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
        return switch (namespaceUri) {
            case "http://www.chinaport.gov.cn/ceb" -> "ceb";
            case "http://www.w3.org/2000/09/xmldsig#" -> "ds";
            case "http://www.w3.org/2001/XMLSchema-instance" -> "xsi";
            default -> suggestion;
        };
    }
}
