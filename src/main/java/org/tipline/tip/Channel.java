package org.tipline.tip;

/** How a tip reached the tip line. */
public enum Channel {
    /** The public form or the API, from the reporter. */
    WEB,
    /** Taken by staff on the phone. */
    PHONE,
    /** Taken by staff from a student in person. */
    WALK_IN,
    EMAIL,
    TEXT
}
