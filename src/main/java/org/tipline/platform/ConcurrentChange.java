package org.tipline.platform;

import java.util.Set;

/**
 * Tells a request that lost a race from a bug. Two requests can both find a name, an email or a key free and both store
 * it: PostgreSQL's unique index refuses the second at its commit (SQLSTATE 23505), as PostgreSQL refuses a transaction
 * that deadlocked with another (40P01) or could not be serialized after it (40001). Nothing of the request was stored,
 * and sent again it gets its real answer (409 duplicate for a name now taken; its first receipt for a tip sent twice).
 * So the answer is 503 with a short {@code Retry-After}, which the tip form already follows, not a 500.
 */
public final class ConcurrentChange {

    /** Seconds before sending again: the other request has committed by then. */
    public static final int RETRY_AFTER_SECONDS = 1;

    private static final Set<String> STATES = Set.of("23505", "40001", "40P01");

    private ConcurrentChange() {
    }

    /** Whether {@code failure}, or one of its causes, is PostgreSQL refusing one of two requests that met. */
    public static boolean causedBy(Throwable failure) {
        return Causes.anySqlState(failure, STATES::contains);
    }

    /** The answer to give: a 503 problem with {@code Retry-After}, and the incident id to quote. */
    static DomainException answer(String incidentId) {
        return new SendAgain("concurrent-change", "Changed at the same moment",
                "Another request changed the same thing at the same moment; nothing was saved. Please send again. "
                        + "(Incident " + incidentId + ".)", RETRY_AFTER_SECONDS);
    }
}
