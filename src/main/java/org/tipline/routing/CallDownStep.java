package org.tipline.routing;

import java.time.Duration;

/** One step of a call-down ladder: whom to reach, and how long after the tip was submitted. */
public record CallDownStep(CallDownContact contact, Duration after) {

    /** A step written as in the settings: {@code SRO@0m}, {@code SUPERVISOR@10m}. */
    static CallDownStep parse(String text) {
        int at = text.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("a call-down step is CONTACT@wait, e.g. SRO@0m: " + text);
        }
        String after = text.substring(at + 1).trim().toUpperCase();
        return new CallDownStep(CallDownContact.valueOf(text.substring(0, at).trim()),
                Duration.parse(after.endsWith("D") ? "P" + after : "PT" + after));
    }
}
