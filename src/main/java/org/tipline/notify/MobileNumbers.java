package org.tipline.notify;

import java.util.regex.Pattern;
import org.tipline.platform.InvalidFieldException;

/**
 * Mobile numbers as SMS go to them: E.164 ({@code +13075550123}), the same rule as the check constraints of migration
 * V15. A number is personal data: it goes to the SMS gateway and nowhere else (no log line, no audit entry, no error
 * message).
 */
public final class MobileNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** What an invalid number is told, without repeating it. */
    public static final String FORMAT = "an E.164 mobile number: + and country code, digits only, e.g. +13075550123";

    private MobileNumbers() {
    }

    public static boolean isValid(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /**
     * A number from a request: null (none) or E.164 exactly; anything else, blank included, is a 400 naming
     * {@code field} (a number with spaces or a national prefix would be sent to the wrong phone or not at all).
     */
    public static String checked(String field, String number) {
        if (number != null && !isValid(number)) {
            throw new InvalidFieldException(field, FORMAT);
        }
        return number;
    }
}
