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
