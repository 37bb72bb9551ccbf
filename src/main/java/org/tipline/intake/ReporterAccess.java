package org.tipline.intake;

import java.util.Optional;
import java.util.UUID;

/**
 * Issues the reporter's follow-up token for a tip just stored, so that the 201 lets the form go on (attach images)
 * without sending the case code back. Implemented where reporter tokens live (followup, above intake).
 */
public interface ReporterAccess {

    /** A reporter token for this tip, bound to the page's keys when it sent them (DPoP), a bearer token otherwise. */
    String reporterToken(UUID tipId, Optional<ReporterKeys> keys);
}
