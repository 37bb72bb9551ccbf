package org.tipline.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code where} clause built from optional filters, with its named parameters: JPQL for Hibernate, or
 * SQL with positional parameters for plain JDBC ({@link #positional()}).
 */
public final class Where {

    /** {@code :name}, but not the second colon of a PostgreSQL cast ({@code ::uuid}). */
    private static final Pattern NAMED_PARAMETER = Pattern.compile("(?<!:):([A-Za-z]\\w*)");

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

    /**
     * The clause with each {@code :name} replaced by {@code ?}, and the values in that order. A collection
     * becomes one {@code ?} per element, for {@code in (:name)}: PostgreSQL plans {@code in (?)} with one
     * element as an equality that can read an index in order, which {@code = any(?)} with an array cannot.
     */
    public Positional positional() {
        List<Object> values = new ArrayList<>();
        Matcher names = NAMED_PARAMETER.matcher(clause);
        StringBuilder sql = new StringBuilder();
        while (names.find()) {
            Object value = parameters.get(names.group(1));
            if (value instanceof Collection<?> elements) {
                values.addAll(elements);
                names.appendReplacement(sql, String.join(", ", Collections.nCopies(elements.size(), "?")));
            } else {
                values.add(value);
                names.appendReplacement(sql, "?");
            }
        }
        names.appendTail(sql);
        return new Positional(sql.toString(), values);
    }

    /** SQL with {@code ?} parameters and their values in order (a value may be null). */
    public record Positional(String sql, List<Object> values) {
    }
}
