package org.tipline.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the test resources shared by every test class, so that Quarkus boots once for all of them. */
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmsGatewayResource.class, restrictToAnnotatedClass = false)
public final class TestResources {

    private TestResources() {
    }
}
