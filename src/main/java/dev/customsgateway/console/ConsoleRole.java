package dev.customsgateway.console;

/** What a console user may do. Stable names: they are stored in {@code console_user.role}. */
enum ConsoleRole {
    /** Reads every message, artefact and the access log; downloads evidence bundles. */
    AUDITOR,
    /** Reads its own merchant's messages only. */
    MERCHANT,
    /** Manages console users and merchants' API keys; lists merchants and their profiles. Reads no messages. */
    ADMINISTRATOR;

    boolean readsMessages() {
        return this != ADMINISTRATOR;
    }
}
