package org.tipline.stats;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Runs read-only statements side by side, each on a connection of its own, all on one snapshot of the database: the
 * first connection exports its snapshot ({@code pg_export_snapshot}) and the others import it, so every figure of a
 * report counts the same tips, as one statement would, while a year of tips is counted on several cores at once.
 */
@ApplicationScoped
class SnapshotReads {

    /** Besides the calling thread; shared by all reports, so that a burst of them cannot take every connection. */
    private static final int WORKERS = 3;

    /**
     * Sorting for the percentiles and distinct incidents of a year of tips needs more memory than PostgreSQL's default
     * 4 MB, beyond which it sorts on disk. Just-in-time compilation of these expressions costs more (about 0.2 s) than it
     * saves on half a million rows. Parallel workers would split each statement again, while the statements already
     * run side by side: more processes for the same cores, which cost more CPU per report (measured: at least 2.9 s
     * against 2.4 to 2.8 s). The driver prepares a statement on the server once it has run a few times on a connection, after which
     * PostgreSQL may keep one generic plan for every range; a plan for the range at hand costs a millisecond and reads
     * a month's pages for a month. All four for the statistics' own transactions only.
     */
    private static final List<String> SETTINGS = List.of("set local work_mem = '64MB'", "set local jit = off",
            "set local max_parallel_workers_per_gather = 0", "set local plan_cache_mode = force_custom_plan");

    /** One statement's work on its connection; it keeps what it read, which the caller sees once {@link #run} returns. */
    interface Read {
        void run(Connection connection) throws SQLException;
    }

    private final DataSource database;
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, task -> {
        Thread thread = new Thread(task, "stats-read");
        thread.setDaemon(true);
        return thread;
    });

    SnapshotReads(DataSource database) {
        this.database = database;
    }

    /** Runs {@code reads}, the first on the calling thread; returns when all are done. */
    void run(List<Read> reads) {
        // Outside the caller's transaction: a connection enlisted in it could not be given a snapshot of its own.
        QuarkusTransaction.suspendingExisting().run(() -> {
            try (Connection exporter = database.getConnection()) {
                begin(exporter, null);
                String snapshot = exportSnapshot(exporter);
                List<Future<?>> others = new ArrayList<>();
                for (Read read : reads.subList(1, reads.size())) {
                    others.add(workers.submit(() -> onSnapshot(snapshot, read)));
                }
                try {
                    reads.get(0).run(exporter);
                    // get() also makes what each read kept visible to this thread.
                    for (Future<?> other : others) {
                        other.get();
                    }
                } finally {
                    // The exported snapshot lives as long as this transaction: it ends only once every import is done.
                    others.forEach(other -> other.cancel(false));
                    others.forEach(SnapshotReads::awaitQuietly);
                    end(exporter);
                }
            } catch (SQLException | ExecutionException e) {
                throw new IllegalStateException("The statistics could not be counted", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while the statistics were counted", e);
            }
        });
    }

    private static String exportSnapshot(Connection exporter) throws SQLException {
        try (Statement export = exporter.createStatement(); ResultSet id = export.executeQuery("select pg_export_snapshot()")) {
            id.next();
            return id.getString(1);
        }
    }

    private Void onSnapshot(String snapshot, Read read) throws SQLException {
        try (Connection connection = database.getConnection()) {
            try {
                begin(connection, snapshot);
                read.run(connection);
                return null;
            } finally {
                end(connection);
            }
        }
    }

    /** A read-only repeatable-read transaction, on the exported {@code snapshot} when one is given. */
    private static void begin(Connection connection, String snapshot) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
            if (snapshot != null) {
                // An identifier PostgreSQL made (hex digits and dashes), never input.
                statement.execute("set transaction snapshot '" + snapshot.replace("'", "") + "'");
            }
            for (String setting : SETTINGS) {
                statement.execute(setting);
            }
        }
    }

    /** Read only: nothing to commit; the connection goes back to the pool as it came. */
    private static void end(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    private static void awaitQuietly(Future<?> other) {
        try {
            other.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException e) {
            // Its failure, if any, was reported by the loop above; here only its end matters.
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
