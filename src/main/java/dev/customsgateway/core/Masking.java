package dev.customsgateway.core;

/**
 * Masks personal data (names, ID numbers, phones, addresses) for logs, lists and error reports, as PIPL and the
 * GDPR expect: enough to recognise a value, never enough to recover it.
 */
public final class Masking {

    private Masking() {
    }

    /**
     * Masks a personal identifier (ID number, phone number) except its last four characters, which is how
     * people recognise their own: {@code 110101199003071233} becomes {@code **************1233}. Values of four
     * characters or fewer are hidden entirely.
     */
    public static String maskIdentifier(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int[] cps = value.codePoints().toArray();
        if (cps.length <= 4) {
            return "****";
        }
        return "*".repeat(cps.length - 4) + new String(cps, cps.length - 4, 4);
    }

    /**
     * Keeps the first and last character of values of four or more characters and replaces the rest; shorter
     * values are hidden entirely. Length is kept within limits so the mask does not reveal it exactly.
     */
    public static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        int[] cps = value.codePoints().toArray();
        if (cps.length < 4) {
            return "***";
        }
        return new String(cps, 0, 1) + "***" + new String(cps, cps.length - 1, 1);
    }
}
