package org.tipline.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Looks at the database as an attacker with a dump would: every table, every column, as text; and makes it fail where a
 * test needs a fault.
 */
public final class Database {

    private Database() {
    }

    /** Row counts of every table of the application (Flyway's history aside). */
    public static Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            for (String table : tables(connection)) {
                try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /**
     * The tables in which {@code needle} appears anywhere: in any column rendered as text, and in any
     * binary column as raw bytes (PostgreSQL renders bytea as hex, so the needle is searched as hex too).
     */
    public static List<String> tablesContaining(String needle) {
        String hex = HexFormat.of().formatHex(needle.getBytes(StandardCharsets.UTF_8));
        List<String> hits = new ArrayList<>();
        try (Connection connection = dataSource().getConnection()) {
            for (String table : tables(connection)) {
                String sql = "select count(*) from " + table + " t where position(lower(?) in lower(t::text)) > 0"
                        + " or position(? in lower(t::text)) > 0";
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.setString(1, needle);
                    statement.setString(2, hex);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        if (rows.getLong(1) > 0) {
                            hits.add(table);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return hits;
    }

    /**
     * A fault inside one tip's work, made by the database itself: until the returned handle is closed, recording an
     * event of {@code kind} in the history of the tip {@code tipId} fails (a trigger raises), and with it the
     * transaction that tried.
     */
    public static AutoCloseable refuseEvents(String kind, UUID tipId) {
        String name = "refuse_" + tipId.toString().replace("-", "");
        execute("create function " + name + "() returns trigger language plpgsql as $$ begin"
                + " if new.tip_id = '" + tipId + "' and new.kind = '" + kind.replace("'", "") + "' then"
                + " raise exception 'refused by the test'; end if; return new; end $$");
        execute("create trigger " + name + " before insert on tip_event for each row execute function " + name + "()");
        return () -> {
            execute("drop trigger " + name + " on tip_event");
            execute("drop function " + name + "()");
        };
    }

    /**
     * Holds a transaction still at a chosen point, with every lock it took so far: until the returned pause is
     * released, appending an audit event {@code action} about the tip {@code tipId} waits (a trigger waits for an
     * advisory lock that the pause holds on a connection of its own).
     */
    public static Pause pauseAudit(String action, UUID tipId) {
        int key = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
        String name = "pause_" + tipId.toString().replace("-", "");
        execute("create function " + name + "() returns trigger language plpgsql as $$ begin"
                + " if new.tip_id = '" + tipId + "' and new.action = '" + action.replace("'", "") + "' then"
                + " perform pg_advisory_xact_lock(" + key + "); end if; return new; end $$");
        execute("create trigger " + name + " before insert on audit_event for each row execute function " + name + "()");
        try {
            Connection holder = dataSource().getConnection();
            try (Statement statement = holder.createStatement()) {
                statement.execute("select pg_advisory_lock(" + key + ")");
            }
            return new Pause(holder, key, name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A point where a transaction waits until {@link #release}: see {@link #pauseAudit}. */
    public static final class Pause implements AutoCloseable {

        private final Connection holder;
        private final int key;
        private final String name;
        private boolean released;

        private Pause(Connection holder, int key, String name) {
            this.holder = holder;
            this.key = key;
            this.name = name;
        }

        /** Waits until a transaction has reached the pause. */
        public void awaitReached() {
            await("select count(*) from pg_locks where locktype = 'advisory' and objid::bigint = " + key
                    + " and not granted", 1, "nothing reached the pause");
        }

        /** Waits until, besides the paused transaction, {@code sessions} wait for a lock (a row, an advisory lock). */
        public void awaitOthersWaiting(int sessions) {
            await("select count(*) from pg_locks where not granted and not (locktype = 'advisory' and objid::bigint = "
                    + key + ")", sessions, "no other session waits for a lock");
        }

        public void release() {
            if (!released) {
                released = true;
                try (Statement statement = holder.createStatement()) {
                    statement.execute("select pg_advisory_unlock(" + key + ")");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            release();
            holder.close();
            execute("drop trigger " + name + " on audit_event");
            execute("drop function " + name + "()");
        }

        private void await(String countSql, long atLeast, String failure) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try (Statement statement = holder.createStatement(); ResultSet rows = statement.executeQuery(countSql)) {
                    rows.next();
                    if (rows.getLong(1) >= atLeast) {
                        return;
                    }
                    Thread.sleep(20);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            throw new AssertionError(failure + " within 60 s");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] { "TABLE" })) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME");
                if (!name.startsWith("flyway_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    private static AgroalDataSource dataSource() {
        return Arc.container().instance(AgroalDataSource.class).get();
    }
}
