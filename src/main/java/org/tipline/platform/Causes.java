package org.tipline.platform;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** A failure's chain of causes, however deep the driver's exception is wrapped (and even if the chain loops). */
final class Causes {

    private Causes() {
    }

    static boolean any(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (test.test(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a cause is an {@link SQLException} whose SQLSTATE passes {@code state}. */
    static boolean anySqlState(Throwable failure, Predicate<String> state) {
        return any(failure, cause -> cause instanceof SQLException sql && sql.getSQLState() != null && state.test(sql.getSQLState()));
    }
}
