package io.crmsync.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts {@link EmbeddedAws} once per application boot and points the Quarkus DynamoDB and SQS clients at it.
 * Registered globally by {@link TestEnvironment}.
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
        aws = EmbeddedAws.start(Path.of("template.yaml"));
        Map<String, String> config = new HashMap<>();
        for (String service : new String[] { "dynamodb", "sqs" }) {
            String endpoint = service.equals("dynamodb") ? aws.dynamoEndpoint() : aws.sqsEndpoint();
            config.put("quarkus." + service + ".endpoint-override", endpoint);
            config.put("quarkus." + service + ".aws.region", EmbeddedAws.REGION);
            config.put("quarkus." + service + ".aws.credentials.type", "static");
            config.put("quarkus." + service + ".aws.credentials.static-provider.access-key-id", "local");
            config.put("quarkus." + service + ".aws.credentials.static-provider.secret-access-key", "local");
        }
        config.put("crmsync.table-name", EmbeddedAws.TABLE_NAME);
        config.put("crmsync.queues.import-chunks-url", aws.queueUrl("ImportChunksQueue"));
        config.put("crmsync.queues.sync-batches-url", aws.queueUrl("SyncBatchesQueue"));
        return config;
    }

    @Override
    public void stop() {
        if (aws != null) {
            aws.close();
            aws = null;
        }
    }
}
