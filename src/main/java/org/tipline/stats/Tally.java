package org.tipline.stats;

import java.util.Map;

/**
 * The figures of one cell as the database counted them, before suppression: counts, and durations in seconds.
 *
 * @param outcomes closed tips by outcome name
 */
record Tally(long tips, long incidents, long lifeSafety, long closed, Map<String, Long> outcomes, long conversations,
        long replied, Times acknowledge, Times close, Times lifeSafetyAcknowledge, Times lifeSafetyClose) {

    /** How many durations there were, their median and 90th percentile (linear interpolation), in seconds. */
    record Times(long count, Double median, Double p90) {
    }
}
