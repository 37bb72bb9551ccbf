package org.tipline.platform;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A JPQL {@code where} clause built from optional filters, with its named parameters. */
public final class Where {

    private final StringBuilder clause = new StringBuilder("1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    public Where and(String condition) {
        clause.append(" and ").append(condition);
        return this;
    }

    /** Adds {@code condition}, which uses the parameter {@code :name}. */
    public Where and(String condition, String name, Object value) {
        parameters.put(name, value);
        return and(condition);
    }

    /** Adds {@code condition} only when {@code value} is present. */
    public Where andIf(Optional<?> value, String condition, String name) {
        value.ifPresent(present -> and(condition, name, present));
        return this;
    }

    public String clause() {
        return clause.toString();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
