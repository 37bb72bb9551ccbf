package org.tipline.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.tipline.platform.limits.ClientTable;
import org.tipline.platform.MinuteCounter;

/**
 * Caps tip submissions per client and for everyone (DESIGN 5), so that a flood of prank tips slows down
 * instead of burying real ones: beyond the cap a client gets a 429 that says when to try again, and
 * nothing is dropped silently. Clients are counted under a daily-salted key of their address
 * ({@link ClientTable}), in memory only; windows are fixed hours and minutes, which is coarse but cheap.
 */
@ApplicationScoped
public class FloodGuard {

    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final Clock clock;
    private final IntakeSettings settings;
    private final ClientTable<Window> clients;
    private final MinuteCounter everyone = new MinuteCounter();

    FloodGuard(Clock clock, IntakeSettings settings) {
        this.clock = clock;
        this.settings = settings;
        this.clients = new ClientTable<>(clock, MAX_TRACKED_CLIENTS);
    }

    /** Tips counted in one client's current hour. */
    private record Window(long hour, int count) {
    }

    /** Counts a tip of this client, or refuses it with {@link TooManyTipsException} when a cap is reached. */
    public void admit(String address) {
        Instant now = clock.instant();
        long hour = now.getEpochSecond() / 3600;
        Window window = clients.get(address);
        if (window != null && window.hour() == hour && window.count() >= settings.perClientPerHour()) {
            throw TooManyTipsException.fromThisConnection((hour + 1) * 3600 - now.getEpochSecond());
        }
        long globalWait = everyone.addIfRoom(now, settings.globalPerMinute());
        if (globalWait > 0) {
            throw TooManyTipsException.fromEveryone(globalWait);
        }
        clients.update(address, (key, old) -> old != null && old.hour() == hour ? new Window(hour, old.count() + 1)
                : new Window(hour, 1), old -> old.hour() != hour);
    }
}
