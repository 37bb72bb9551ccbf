package org.tipline.tip;

/** How a case ended (DESIGN 3); required to close. Staff only: the reporter never sees it. */
public enum Outcome {
    INTERVENTION,
    REFERRED,
    UNFOUNDED,
    DUPLICATE,
    FALSE_REPORT,
    INSUFFICIENT_INFO
}
