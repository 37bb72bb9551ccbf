package org.tipline.platform;

/**
 * The one rule for text a client sends: no NUL and no lone UTF-16 surrogate. PostgreSQL refuses NUL in
 * text (the statement fails), and a lone surrogate has no UTF-8 form, so the driver would store a '?' in its
 * place: neither can be kept as sent. Checked for every JSON string ({@link StorableTextDeserializer}) and
 * every text parameter ({@link Parameters#optionalText}).
 */
public final class StorableText {

    /** What the client is told, without echoing the value. */
    public static final String REASON = "must not contain NUL characters or unpaired UTF-16 surrogates";

    private StorableText() {
    }

    public static boolean isStorable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a proper pair: one code point outside the BMP
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
