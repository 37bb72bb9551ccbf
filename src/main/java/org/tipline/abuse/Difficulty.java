package org.tipline.abuse;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.tipline.platform.limits.ClientTable;
import org.tipline.platform.limits.RateWindow;

/**
 * How much work the next challenge asks: the rest difficulty, plus {@code bitsPerDoubling} for each doubling of
 * a rate beyond its free budget — this client's challenges in ten minutes, everyone's in a minute and, for
 * follow-up sessions, everyone's wrong case codes in a minute. A flooder thus pays more per request the more it
 * sends, while a reporter who shares a school's address with 30 classmates pays a few bits more, and nobody is
 * refused. Counted in memory on this replica only (see {@link AbuseSettings}).
 */
@ApplicationScoped
class Difficulty {

    private static final Duration CLIENT_BUCKET = Duration.ofMinutes(1);
    private static final int CLIENT_BUCKETS = 10;
    private static final Duration GLOBAL_BUCKET = Duration.ofSeconds(10);
    private static final int GLOBAL_BUCKETS = 6;

    private final Clock clock;
    private final AbuseSettings settings;
    private final Map<Purpose, ClientTable<RateWindow>> clients = new EnumMap<>(Purpose.class);
    private final Map<Purpose, RateWindow> everyone = new EnumMap<>(Purpose.class);
    private final RateWindow wrongCodes = new RateWindow(GLOBAL_BUCKET, GLOBAL_BUCKETS);

    Difficulty(Clock clock, AbuseSettings settings) {
        this.clock = clock;
        this.settings = settings;
        for (Purpose purpose : Purpose.values()) {
            clients.put(purpose, new ClientTable<>(clock, settings.maxTrackedClients()));
            everyone.put(purpose, new RateWindow(GLOBAL_BUCKET, GLOBAL_BUCKETS));
        }
    }

    /** Counts a challenge for this client and purpose and answers the difficulty it gets. */
    int next(Purpose purpose, String client) {
        Instant now = clock.instant();
        long fromClient = clients.get(purpose).entry(client, () -> new RateWindow(CLIENT_BUCKET, CLIENT_BUCKETS),
                window -> window.isEmpty(now)).add(now);
        long fromEveryone = everyone.get(purpose).add(now);
        int extra = rise(fromClient, settings.freePerClient()) + rise(fromEveryone, settings.freePerMinute());
        if (purpose == Purpose.FOLLOWUP) {
            extra += rise(wrongCodes.count(now), settings.freeWrongCodesPerMinute());
        }
        return Math.min(settings.maxDifficulty(), settings.restDifficulty() + extra);
    }

    /** A case code that matched no tip: many of them from everywhere are a guessing wave. */
    void wrongCaseCode() {
        wrongCodes.add(clock.instant());
    }

    /** Bits for a count against a deployment-wide free budget, of which this replica sees its share. */
    private int rise(long count, int freeInDeployment) {
        long free = Math.max(1, freeInDeployment / Math.max(1, settings.replicas()));
        if (count <= free) {
            return 0;
        }
        int doublings = 64 - Long.numberOfLeadingZeros((count - 1) / free);
        return doublings * settings.bitsPerDoubling();
    }
}
