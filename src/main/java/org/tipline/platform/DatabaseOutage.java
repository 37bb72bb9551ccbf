package org.tipline.platform;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a failure to reach PostgreSQL from a bug. The first is the database's outage, not the request's fault nor
 * ours: the answer is 503 with {@code Retry-After}, so that clients (the tip form among them) send again, rather
 * than a 500 that reads as "something is broken". Nothing was stored either way: the transaction did not commit.
 */
public final class DatabaseOutage {

    /** Seconds a client should wait before sending again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    /** Whether {@code failure}, or one of its causes, is a lost or refused connection to the database. */
    public static boolean causedBy(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException"))
                || Causes.anySqlState(failure, DatabaseOutage::connectionState);
    }

    /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server shut down or cannot take connections). */
    private static boolean connectionState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }

    /** The answer to give: a 503 problem with {@code Retry-After}, and the incident id to quote. */
    static DomainException answer(String incidentId) {
        return new SendAgain("database-unavailable", "Temporarily unavailable",
                "The service cannot reach its database right now; nothing was saved. Please send again in a few "
                        + "seconds. If someone is in danger now, call 911. (Incident " + incidentId + ".)",
                RETRY_AFTER_SECONDS);
    }
}
