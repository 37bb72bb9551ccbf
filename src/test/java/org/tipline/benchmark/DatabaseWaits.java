package org.tipline.benchmark;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Where the database's time goes under load: samples {@code pg_stat_activity} and counts active sessions by wait event
 * (a lock, the WAL flush of a commit, I/O) or as running on a CPU, so that a benchmark can say what limits it.
 */
final class DatabaseWaits {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread sampler;

    private DatabaseWaits(DataSource database) {
        sampler = new Thread(() -> {
            try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
                while (running.get()) {
                    try (ResultSet rows = statement.executeQuery("select coalesce(a.wait_event_type || ':' || a.wait_event, 'CPU') "
                            + "|| case when a.wait_event_type = 'Lock' then ' in \"' || left(regexp_replace(a.query, '\\s+', ' ', 'g'), 60) "
                            + "|| '\" behind ' || coalesce((select string_agg(b.state || ' \"' || left(regexp_replace(b.query, '\\s+', ' ', 'g'), 60) "
                            + "|| '\"', '; ') from pg_stat_activity b where b.pid = any(pg_blocking_pids(a.pid))), '?') else '' end, "
                            + "count(*) from pg_stat_activity a where a.state = 'active' and a.pid <> pg_backend_pid() "
                            + "and a.backend_type = 'client backend' group by 1")) {
                        while (rows.next()) {
                            counts.merge(rows.getString(1), rows.getInt(2), Integer::sum);
                        }
                    }
                    Thread.sleep(50);
                }
            } catch (Exception e) {
                counts.put("sampling failed: " + e.getClass().getSimpleName(), 1);
            }
        }, "database-waits");
        sampler.setDaemon(true);
        sampler.start();
    }

    static DatabaseWaits sample(DataSource database) {
        return new DatabaseWaits(database);
    }

    void stop() throws InterruptedException {
        running.set(false);
        sampler.join(2000);
    }

    /** The most frequent states with their share of all samples, e.g. {@code Lock:transactionid 61%}. */
    String top(int limit) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .map(e -> e.getKey() + " " + Math.round(100.0 * e.getValue() / Math.max(1, total)) + "%")
                .collect(Collectors.joining(", "));
    }
}
