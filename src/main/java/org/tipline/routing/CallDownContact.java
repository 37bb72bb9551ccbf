package org.tipline.routing;

/** Who a step of the call-down ladder reaches. */
public enum CallDownContact {
    /** The school's SROs (the agency's on-call when it has none). */
    SRO,
    AGENCY_ON_CALL,
    /** The agency's supervisor. */
    SUPERVISOR,
    /** The district's safety coordinators. */
    COORDINATOR,
    ANALYST_DESK
}
