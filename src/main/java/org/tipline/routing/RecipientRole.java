package org.tipline.routing;

/** In what capacity a recipient gets a tip. */
public enum RecipientRole {
    SRO,
    COUNSELOR,
    AGENCY_ON_CALL,
    COORDINATOR,
    ANALYST,
    ANALYST_DESK
}
