package org.tipline.tip;

/**
 * Where a case stands (DESIGN 3). The transitions are methods of {@link Tip}; this enum only names the
 * states and what the reporter may be told of them.
 */
public enum TipStatus {
    NEW("received"),
    ACKNOWLEDGED("being-looked-into"),
    IN_PROGRESS("being-looked-into"),
    CLOSED("closed");

    private final String reporterStatus;

    TipStatus(String reporterStatus) {
        this.reporterStatus = reporterStatus;
    }

    /** The coarse status a reporter sees: received, being-looked-into or closed; never more. */
    public String reporterStatus() {
        return reporterStatus;
    }
}
