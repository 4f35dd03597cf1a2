package dev.customsgateway.delivery;

/** File names for messages: they say which order a message is ({@code CEB311_<orderNo>_<guid>.xml}). */
final class OutboxNames {

    private OutboxNames() {
    }

    static String of(String messageType, String orderNo, String guid) {
        return messageType + "_" + safe(orderNo) + "_" + guid + ".xml";
    }

    /** Order numbers come from merchants: keep letters, digits, dot, dash and underscore, nothing else. */
    static String safe(String s) {
        String cleaned = (s == null ? "" : s).replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.startsWith(".")) {
            cleaned = "_" + cleaned.substring(1);
        }
        return cleaned.length() > 80 ? cleaned.substring(0, 80) : cleaned;
    }
}
