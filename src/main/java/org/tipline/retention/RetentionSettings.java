package org.tipline.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long tip content is kept where a district has set no policy of its own, and the floor every policy keeps. */
@ConfigMapping(prefix = "tipline.retention")
public interface RetentionSettings {

    /** Days after closing before a tip's content is shredded, for districts without a policy and tips without a school. */
    @WithDefault("365")
    int defaultDays();

    /** No policy may shred sooner than this many days after closing (a state's minimum retention by law, say). */
    @WithDefault("30")
    int minimumDays();

    /** Days after submission after which a tip that is still not closed is flagged for review, where no policy says. */
    @WithDefault("365")
    int reviewAfterDays();

    /** How often the shredding job looks for tips past their period: its {@code @Scheduled} reads this key. */
    @WithDefault("1h")
    Duration checkInterval();
}
