package org.tipline.tip;

/** Who wrote a message of a tip's conversation. */
public enum MessageDirection {
    /** Written by staff for the reporter. */
    TO_REPORTER,
    /** Written by the reporter. */
    FROM_REPORTER
}
