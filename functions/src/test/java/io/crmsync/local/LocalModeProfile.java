package io.crmsync.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Boots the application with the local mode on, on free ports, instead of the shared test resources: the test
 * exercises the same wiring {@code quarkus:dev} starts.
 */
public class LocalModeProfile implements QuarkusTestProfile {

    static final int API_PORT = freePort();
    static final int DYNAMO_PORT = freePort();
    static final int SQS_PORT = freePort();
    static final int SALESFORCE_PORT = freePort();
    static final int HUBSPOT_PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("crmsync.local.enabled", "true");
        config.put("crmsync.local.api-port", String.valueOf(API_PORT));
        config.put("crmsync.local.dynamodb-port", String.valueOf(DYNAMO_PORT));
        config.put("crmsync.local.sqs-port", String.valueOf(SQS_PORT));
        config.put("crmsync.local.retry-visibility-timeout", "0s");
        // the poller fires every 2 s, and a record changed moments ago may sync at once: the test waits seconds, not polls
        config.put("crmsync.local.poll-interval", "2s");
        config.put("crmsync.sync.segment-settle", "0s");
        config.putAll(EmbeddedAws.clientConfig(DYNAMO_PORT, SQS_PORT));
        config.put("crmsync.salesforce.login-url", "http://localhost:" + SALESFORCE_PORT);
        config.put("crmsync.salesforce.client-secret", "sandbox-secret");
        config.put("crmsync.hubspot.base-url", "http://localhost:" + HUBSPOT_PORT);
        config.put("crmsync.hubspot.token", "sandbox-token");
        config.put("crmsync.queues.import-chunks-url", "http://localhost:" + SQS_PORT + "/000000000000/crm-sync-import-chunks");
        config.put("crmsync.queues.sync-batches-url", "http://localhost:" + SQS_PORT + "/000000000000/crm-sync-sync-batches");
        return config;
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
