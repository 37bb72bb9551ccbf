package org.tipline.notify;

import java.time.Instant;

/**
 * A tip that is still not closed after its district's review period, told to whoever should review it: what the mail
 * may say and nothing more (DESIGN 5), the reference, the school, the category label, since when and for how many
 * days it has been open, and a link to the console. Never the description or any reporter field.
 */
public record ReviewNotice(String reference, String school, String category, Instant submittedAt, String zone,
        long daysOpen, String link) {
}
