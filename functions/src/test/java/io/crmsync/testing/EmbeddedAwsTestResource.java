package io.crmsync.testing;

import java.nio.file.Path;
import java.util.Map;

import io.crmsync.infra.TemplateDefinitions;
import io.crmsync.local.EmbeddedAws;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts {@link EmbeddedAws} (in memory, free ports) once per application boot and points the Quarkus DynamoDB and
 * SQS clients at it. Registered globally by {@link TestEnvironment}.
 */
public class EmbeddedAwsTestResource implements QuarkusTestResourceLifecycleManager {

    private static volatile EmbeddedAws aws;

    /** The running stand-ins, for tests that inspect queues or the table directly. */
    public static EmbeddedAws aws() {
        if (aws == null) {
            throw new IllegalStateException("EmbeddedAws is not running: is this a @QuarkusTest?");
        }
        return aws;
    }

    @Override
    public Map<String, String> start() {
        aws = EmbeddedAws.start(TemplateDefinitions.locate(), EmbeddedAws.Options.inMemoryOnFreePorts());
        return aws.clientConfig();
    }

    @Override
    public void stop() {
        if (aws != null) {
            aws.close();
            aws = null;
        }
    }
}
