package org.tipline.tip;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tip's public reference, {@code T-YYYY-NNNNNN}: the year and the tip's number in it (more digits past 999,999).
 * Staff read it out to each other and copy it from mails; the one place its form is written, both to make and to read.
 */
public final class TipReference {

    private static final Pattern FORM = Pattern.compile("T-\\d{4}-\\d{6,}");

    private TipReference() {
    }

    public static String of(int year, long number) {
        return "T-%d-%06d".formatted(year, number);
    }

    /**
     * A reference as typed (spaces around it and lower case forgiven: it is often typed from a phone call or a mail), or
     * empty when the text is not one.
     */
    public static Optional<String> parse(String typed) {
        String reference = typed.strip().toUpperCase(Locale.ROOT);
        return FORM.matcher(reference).matches() ? Optional.of(reference) : Optional.empty();
    }
}
