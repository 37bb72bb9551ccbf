package org.tipline.notify;

/** Why a notification is sent; each has its own mail template. */
public enum NotificationKind {
    NEW_TIP,
    ESCALATION,
    REASSIGNED,
    REPORTER_MESSAGE
}
