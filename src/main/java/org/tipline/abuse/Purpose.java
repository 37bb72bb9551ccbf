package org.tipline.abuse;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a proof of work pays for; a proof bought for one purpose is refused for the other. */
public enum Purpose {
    TIP,
    FOLLOWUP;

    /** The name in URLs and tokens: {@code tip}, {@code followup}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Purpose> ofLabel(String label) {
        return Arrays.stream(values()).filter(purpose -> purpose.label().equals(label)).findFirst();
    }
}
