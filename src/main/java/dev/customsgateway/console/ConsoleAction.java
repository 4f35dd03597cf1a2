package dev.customsgateway.console;

/** What a console access-log entry records. Stable codes: stored in {@code console_access.action}. */
enum ConsoleAction {
    LOGIN,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    LOGOUT,
    CSRF_REFUSED,
    SEARCHED,
    VIEWED_MESSAGE,
    VIEWED_ARTEFACT,
    DOWNLOADED_ARTEFACT,
    EXPORTED_EVIDENCE,
    VIEWED_DASHBOARD,
    VIEWED_ACCESS_LOG,
    DENIED,
    USER_CREATED,
    USER_ENABLED,
    USER_DISABLED,
    USER_ROLE_CHANGED,
    VIEWED_API_KEYS,
    API_KEY_ISSUED,
    API_KEY_REVOKED
}
