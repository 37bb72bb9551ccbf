package org.tipline.tip;

/**
 * What a reporter may be told when their tip is closed: a fixed, safe set, so that nothing about the
 * outcome, the people involved or the staff leaks through free text.
 */
public enum ClosingNote {
    TRUSTED_ADULT_FOLLOWING_UP("Thank you — a trusted adult is following up."),
    LOOKED_INTO("Thank you — this has been looked into."),
    PASSED_ON("Thank you — this was passed on to the people who can help."),
    NEED_MORE_DETAILS("Thank you — we could not act on this without more details. You can send a new tip any time.");

    private final String text;

    ClosingNote(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The note when staff choose none: following up after an intervention or referral, looked into otherwise. */
    static ClosingNote defaultFor(Outcome outcome) {
        return outcome == Outcome.INTERVENTION || outcome == Outcome.REFERRED ? TRUSTED_ADULT_FOLLOWING_UP : LOOKED_INTO;
    }
}
