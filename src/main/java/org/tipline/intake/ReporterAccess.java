package org.tipline.intake;

import java.util.UUID;

/**
 * Issues the reporter's follow-up token for a tip just stored, so that the 201 lets the form go on (attach images)
 * without sending the case code back. Implemented where reporter tokens live (followup, above intake).
 */
public interface ReporterAccess {

    /** A reporter token for this tip. */
    String reporterToken(UUID tipId);
}
