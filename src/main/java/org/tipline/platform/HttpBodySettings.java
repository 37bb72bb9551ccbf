package org.tipline.platform;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The body limit of every request but image uploads, whose limit is {@code quarkus.http.limits.max-body-size}. */
@ConfigMapping(prefix = "tipline.http")
public interface HttpBodySettings {

    /** The largest JSON, envelope or CSV body. */
    @WithDefault("64K")
    MemorySize maxBodySize();
}
