package dev.customsgateway.signing;

/**
 * Initialises Apache Santuario once, with base64 line breaks off: otherwise signature values and certificates
 * are wrapped with CR LF, serialised as {@code &#13;}, which some verifiers reject.
 */
final class Santuario {

    private Santuario() {
    }

    static synchronized void init() {
        if (!org.apache.xml.security.Init.isInitialized()) {
            System.setProperty("org.apache.xml.security.ignoreLineBreaks", "true");
            org.apache.xml.security.Init.init();
        }
    }
}
