package org.tipline.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Settings of the directory shared by every feature. */
@ConfigMapping(prefix = "tipline.directory")
public interface DirectorySettings {

    /**
     * The tip line's own time zone (a state desk's): the year of tip references, the day a reporter is told
     * their tip arrived, and the deadlines in mail about tips without a school. Districts have their own.
     */
    @WithDefault("America/Denver")
    ZoneId timeZone();
}
