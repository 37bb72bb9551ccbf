package org.tipline.tip;

import org.tipline.directory.Category;

/** How fast a tip must be acknowledged. */
public enum Urgency {
    /** Suicide threat, planned attack, weapon, or anything "happening now": minutes, around the clock. */
    LIFE_SAFETY,
    /** Everything else: by the district's next business day. */
    STANDARD;

    public static Urgency of(Category category, boolean happeningNow) {
        return category.lifeSafety() || happeningNow ? LIFE_SAFETY : STANDARD;
    }
}
