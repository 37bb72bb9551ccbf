package org.tipline.notify;

import java.util.Objects;

/**
 * What an SMS says, and all it may say: the tip's reference, its urgency, the school and the console link; never
 * anything the reporter wrote (DESIGN 5). A text message is read on a lock screen, beside whoever stands near.
 *
 * @param reference the tip's reference, e.g. T-2026-000123
 * @param urgency {@code LIFE_SAFETY} or {@code STANDARD}, as {@link Notification#urgency()}; life-safety texts are
 *        sent before everything else
 * @param school the school's name
 * @param link the tip in the staff console
 */
public record SmsText(String reference, String urgency, String school, String link) {

    public SmsText {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(link, "link");
    }

    /**
     * The message body: {@code Tip T-2026-000123, LIFE-SAFETY, Kelly Walsh High School - open the console: <link>}.
     * Plain ASCII on purpose: one character outside the GSM 7-bit alphabet (an em dash, say) makes the whole text
     * UCS-2, 70 characters a segment instead of 160, so it would arrive as 2 or 3 texts.
     */
    public String render() {
        return "Tip " + reference + ", " + urgency.replace('_', '-') + ", " + school + " - open the console: " + link;
    }
}
