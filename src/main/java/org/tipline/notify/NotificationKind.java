package org.tipline.notify;

/** Why a notification is sent; each mail kind has its own mail template. */
public enum NotificationKind {
    NEW_TIP,
    ESCALATION,
    REASSIGNED,
    REPORTER_MESSAGE,
    /** A step of a life-safety tip's call-down ladder: acknowledge it, or the next contact is called. */
    CALL_DOWN,
    /** A tip still not closed after its district's review period ({@link ReviewNotice}): review it. */
    RETENTION_REVIEW,
    /** A staff member is invited to set their password (new account, reset, changed email). */
    ACCOUNT_INVITATION,
    /** A change to a staff account, told to its owner (or to the analyst desk). */
    ACCOUNT_NOTICE,
    /** A text message about a tip ({@link SmsText}), sent through the SMS gateway rather than by mail. */
    SMS;

    /** Whether the payload is an {@link AccountMail} rather than a tip's {@link Notification}. */
    boolean aboutAnAccount() {
        return this == ACCOUNT_INVITATION || this == ACCOUNT_NOTICE;
    }
}
