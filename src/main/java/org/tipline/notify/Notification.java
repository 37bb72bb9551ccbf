package org.tipline.notify;

import java.time.Instant;

/**
 * What a notification mail says, and all it may say (DESIGN 5): the reference, the school, the category
 * label, the urgency, the deadline and a link to the console. Never the description or any reporter field.
 */
public record Notification(NotificationKind kind, String reference, String school, String category, String urgency,
        Instant deadline, String zone, String link) {
}
