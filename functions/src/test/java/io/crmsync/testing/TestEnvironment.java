package io.crmsync.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the test resources every {@code @QuarkusTest} shares. Global resources (the default) start once per
 * application boot, so all test classes with the default profile run against one set of stand-ins.
 */
@QuarkusTestResource(EmbeddedAwsTestResource.class)
public final class TestEnvironment {

    private TestEnvironment() {
    }
}
