package org.tipline.crypto;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;

/**
 * Password hashes at the cost a packaged application uses when nothing is configured (the {@code @WithDefault}s of
 * {@link PasswordSettings}, read as the application reads them), for accounts that tests seed into one by SQL.
 */
public final class PasswordHashesForTests {

    private PasswordHashesForTests() {
    }

    public static String atDefaultCost(String password) {
        // Quarkus' own converter, so that a default such as "10s" reads as it does in the application.
        PasswordSettings defaults = new SmallRyeConfigBuilder().withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(PasswordSettings.class).build().getConfigMapping(PasswordSettings.class);
        return new PasswordHasher(defaults).hash(password.toCharArray());
    }
}
