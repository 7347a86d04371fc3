package io.crmsync.local;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The local mode: everything AWS provides, replaced on one machine. On in {@code quarkus:dev}; never in a Lambda.
 */
@ConfigMapping(prefix = "crmsync.local")
public interface LocalModeConfig {

    @WithDefault("false")
    boolean enabled();

    /** The SAM template whose table, queues and event sources the local mode recreates. */
    @WithDefault("template.yaml")
    String template();

    /** The HTTP API, with the routes and JSON of the API Gateway deployment. */
    @WithDefault("8080")
    int apiPort();

    /** Start the DynamoDB emulator and ElasticMQ in-process (false: use the endpoints configured for the AWS clients). */
    @WithDefault("true")
    boolean embeddedAws();

    @WithDefault("8000")
    int dynamodbPort();

    @WithDefault("9324")
    int sqsPort();

    /** Where the DynamoDB emulator keeps its data across restarts; in memory when absent. */
    Optional<String> dataDir();

    /** Seed the sandboxes with the demo org and portal (only when both sandboxes run). */
    @WithDefault("true")
    boolean demoData();

    /**
     * Wire both sandboxes' change events: the Salesforce sandbox's CDC events through a stand-in of Event Relay into
     * the change-events queue, the HubSpot sandbox's signed webhooks to the HTTP API. Off: the poll alone syncs.
     */
    @WithDefault("true")
    boolean events();

    /** How often the poller fires; the deployment's schedule is 15 minutes. */
    @WithDefault("15m")
    Duration pollInterval();

    /**
     * How soon a message whose processing failed becomes visible again. Lambda leaves it to the queue's visibility
     * timeout (30 minutes in template.yaml); a shorter value makes retries and redrive visible in a local session.
     */
    Optional<Duration> retryVisibilityTimeout();
}
