package dev.customsgateway.customs;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Checks an 18-character PRC resident identity number (GB 11643-1999): 17 digits, a real date of birth in
 * positions 7 to 14, and the ISO 7064 MOD 11-2 check character. Customs rejects orders whose buyer ID fails it.
 */
final class ChineseResidentId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ChineseResidentId() {
    }

    static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK[sum % 11] && hasValidBirthDate(id);
    }

    private static boolean hasValidBirthDate(String id) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            return birth.getYear() >= 1900 && !birth.isAfter(LocalDate.now());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
