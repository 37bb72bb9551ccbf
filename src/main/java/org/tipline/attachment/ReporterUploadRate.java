package org.tipline.attachment;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import org.tipline.platform.DomainException;
import org.tipline.platform.limits.ClientTable;
import org.tipline.platform.limits.RateWindow;

/**
 * Reporter uploads per client address and hour (a sliding window of six ten-minute buckets), in memory only under the
 * daily-salted keys of {@link ClientTable}: a cap on what one client can make the service store, never kept anywhere.
 */
@ApplicationScoped
class ReporterUploadRate {

    private static final Duration BUCKET = Duration.ofMinutes(10);
    private static final int BUCKETS = 6;
    private static final int MAX_TRACKED_CLIENTS = 100_000;

    private final Clock clock;
    private final int maxPerHour;
    private final ClientTable<RateWindow> clients;

    ReporterUploadRate(Clock clock, AttachmentSettings settings) {
        this.clock = clock;
        this.maxPerHour = settings.maxPerClientPerHour();
        this.clients = new ClientTable<>(clock, MAX_TRACKED_CLIENTS);
    }

    /** Counts an upload of this client; 429 beyond the hourly allowance. */
    void count(String clientAddress) {
        RateWindow window = clients.entry(clientAddress, () -> new RateWindow(BUCKET, BUCKETS),
                w -> w.isEmpty(clock.instant()));
        if (window.add(clock.instant()) > maxPerHour) {
            throw new TooManyUploadsException();
        }
    }

    /** The hourly allowance of this address is used up. */
    static class TooManyUploadsException extends DomainException {

        TooManyUploadsException() {
            super(429, "too-many-attachments-per-hour", "Too many images",
                    "Many images were sent from this network in the last hour; please wait before sending more. "
                            + "Nothing was saved. If someone is in danger now, call 911.");
        }

        @Override
        public OptionalInt retryAfterSeconds() {
            return OptionalInt.of((int) BUCKET.toSeconds());
        }
    }
}
