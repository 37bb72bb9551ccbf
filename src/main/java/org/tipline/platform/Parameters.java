package org.tipline.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * Parses request parameters, answering a 400 problem that names the parameter. JAX-RS would turn a
 * malformed {@code UUID} parameter into a bare 404, which tells the client nothing.
 */
public final class Parameters {

    private Parameters() {
    }

    public static UUID uuid(String name, String value) {
        try {
            if (value == null || value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(name, "a UUID such as 3f2b9c1e-8d4a-4f6b-9e2d-1a7c5b3e9f80");
        }
    }

    public static Optional<UUID> optionalUuid(String name, String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(uuid(name, value));
    }
}
