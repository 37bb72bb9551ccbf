package org.tipline.attachment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Attachments: what an image may be, how many a tip takes, and how many are processed at once. The largest body is
 * {@code quarkus.http.limits.max-body-size} (10M), refused with a 413 before it is read.
 */
@ConfigMapping(prefix = "tipline.attachments")
public interface AttachmentSettings {

    /** Images declaring more pixels than this are refused before decoding (decompression bombs). */
    @WithDefault("50000000")
    long maxPixels();

    /** Larger images are decoded at a lower resolution (every 2nd, 3rd ... pixel) to stay at or below this. */
    @WithDefault("16777216")
    long maxStoredPixels();

    /** The longest side of a thumbnail. */
    @WithDefault("320")
    int thumbnailSize();

    /** Attachments the reporter may add to one tip. */
    @WithDefault("5")
    int maxPerTip();

    /** Attachments staff may add to one tip. */
    @WithDefault("20")
    int maxStaffPerTip();

    /** Reporter uploads one client address may make per hour (counted in memory under daily-salted keys). */
    @WithDefault("60")
    int maxPerClientPerHour();

    /** Images decoded and re-encoded at once; each holds its body and pixels. Default: one per processor. */
    OptionalInt maxConcurrent();

    /** Uploads that may wait for a turn; beyond it the answer is 503 busy at once. */
    @WithDefault("64")
    int maxWaiting();

    /** How long an upload may wait for its turn before a 503 busy (20 parallel 10 MiB photos take about 30 s on 2 cores). */
    @WithDefault("60s")
    Duration maxWait();

    /** The number of images processed at once. */
    default int concurrent() {
        return maxConcurrent().orElse(Runtime.getRuntime().availableProcessors());
    }
}
