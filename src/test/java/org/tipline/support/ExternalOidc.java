package org.tipline.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * The one test profile of mode {@code external-oidc}: Tipline verifies the tokens of {@link OidcProvider} and the
 * console signs in there. Every class that uses it shares one Quarkus boot.
 */
public class ExternalOidc implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OidcProvider.class));
    }
}
