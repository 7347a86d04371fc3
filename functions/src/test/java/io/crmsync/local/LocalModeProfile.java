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

    private static final java.util.Set<Integer> PICKED = new java.util.HashSet<>();
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
        // the poller fires every second, and a record changed moments ago may sync at once: the test waits seconds, not polls
        config.put("crmsync.local.poll-interval", "1s");
        // the poll reads contacts only: what these tests change and wait for. Every object's reads (7 objects, one
        // HubSpot search each at the client's 4 searches/s) made each run take 2-7 s, back to back, on the tests'
        // CPU; the schedule, queues and functions are wired as in quarkus:dev either way
        config.put("crmsync.sync.objects", "contact");
        // imports read the deployed page of 2,000 (tests elsewhere read 500): the demo data's 2,000 leads are one
        // page, as in quarkus:dev, and local mode's single-threaded queue source does not run 4 pages one by one
        config.put("crmsync.imports.page-size", "2000");
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

    /**
     * A port free now, from below Linux's ephemeral range (32768-60999). The ports are picked when the test classes
     * are discovered, minutes before local mode binds them; a port from the ephemeral range could meanwhile be handed
     * to any socket bound to port 0 or any outgoing connection (the test resources' servers, the HTTP clients), and
     * local mode would then find it taken. Below that range only another explicit pick can take it.
     */
    private static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (!PICKED.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("No free port between 20000 and 32000 after 200 tries"));
    }
}
