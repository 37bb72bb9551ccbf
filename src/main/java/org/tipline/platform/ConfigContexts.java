package org.tipline.platform;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;

/** Reads settings inside a {@code ConfigSourceFactory}, before the configuration is complete. */
public final class ConfigContexts {

    private ConfigContexts() {
    }

    public static boolean isSet(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    public static String value(ConfigSourceContext context, String name, String defaultValue) {
        return isSet(context, name) ? context.getValue(name).getValue() : defaultValue;
    }

    /** Where dev and test keep local files (embedded database, generated keys): {@code tipline.dev.data-dir}, gitignored. */
    public static String devDataDirectory(ConfigSourceContext context) {
        return value(context, "tipline.dev.data-dir", ".tipline-dev");
    }
}
