package org.tipline.platform.limits;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Per-client state of the abuse limits, keyed by {@link ClientKeys} and kept in memory only. When the day's
 * salt changes, yesterday's entries mean nothing any more and are dropped. At most {@code capacity}
 * clients are remembered: beyond it, entries the caller calls stale are forgotten first.
 */
public final class ClientTable<V> {

    private final ClientKeys keys;
    private final int capacity;
    private final Map<String, V> entries = new ConcurrentHashMap<>();
    private java.time.LocalDate day;

    public ClientTable(Clock clock, int capacity) {
        this.keys = new ClientKeys(clock);
        this.capacity = capacity;
    }

    public V get(String address) {
        return entries.get(key(address));
    }

    /** The client's entry, made by {@code fresh} when there is none; {@code stale} as for {@link #update}. */
    public V entry(String address, java.util.function.Supplier<V> fresh, Predicate<V> stale) {
        String key = key(address);
        if (entries.size() >= capacity) {
            entries.values().removeIf(stale);
        }
        return entries.computeIfAbsent(key, ignored -> fresh.get());
    }

    /** Updates a client's entry; {@code stale} tells which entries may go when the table is full. */
    public void update(String address, BiFunction<String, V, V> update, Predicate<V> stale) {
        String key = key(address);
        if (entries.size() >= capacity) {
            entries.values().removeIf(stale);
        }
        entries.compute(key, update);
    }

    private String key(String address) {
        ClientKeys.ClientKey key = keys.keyOf(address);
        synchronized (this) {
            if (!key.day().equals(day)) {
                entries.clear();
                day = key.day();
            }
        }
        return key.value();
    }
}
