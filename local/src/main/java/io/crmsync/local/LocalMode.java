package io.crmsync.local;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import org.eclipse.microprofile.config.Config;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.infra.EventSourceDefinition;
import io.crmsync.infra.TemplateDefinitions;
import io.quarkus.amazon.lambda.runtime.AmazonLambdaMapperRecorder;
import io.quarkus.arc.profile.UnlessBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Runs the whole system on one machine: what AWS provides (the table, the queues, API Gateway, the SQS event source
 * mappings, the schedule) is replaced in-process; the functions run unchanged, through {@link FunctionDispatcher}.
 * Removed from production builds, and off unless {@code crmsync.local.enabled} (on in {@code quarkus:dev}).
 */
@ApplicationScoped
@UnlessBuildProfile("prod")
public class LocalMode {

    private static final Logger LOG = Logger.getLogger(LocalMode.class);
    /** The api function's webhook route (io.crmsync.events.hubspot.WebhookRoutes.PATH; local mode knows only config). */
    static final String WEBHOOK_PATH = "/webhooks/hubspot";

    @Inject
    LocalModeConfig config;

    @Inject
    Config appConfig;

    @Inject
    FunctionDispatcher dispatcher;

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, String> banner = new LinkedHashMap<>();

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        try {
            start();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        StringBuilder lines = new StringBuilder("\n\ncrm-sync local mode is running:\n");
        banner.forEach((what, where) -> lines.append(String.format("  %-28s %s%n", what, where)));
        LOG.info(lines);
    }

    /**
     * Stops the stand-ins after the application's own shutdown observers (default priority), which still use them:
     * the API usage recorder's last flush writes to the table. Stopped first, the table's server (then DynamoDB
     * Local) made that flush retry against a closed port for seconds (9 SDK attempts per CRM) and lose the counts.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER) ShutdownEvent event) {
        stop();
    }

    private void start() {
        AppSettings settings = AppSettings.from(appConfig);
        Path templatePath = TemplateDefinitions.locate(config.template());
        TemplateDefinitions template = TemplateDefinitions.load(templatePath);
        Map<String, String> queueUrls = new LinkedHashMap<>();
        queueUrls.put("ImportChunksQueue", settings.importChunksUrl());
        queueUrls.put("SyncBatchesQueue", settings.syncBatchesUrl());

        SqsClient sqs;
        EmbeddedAws embedded = null;
        if (config.embeddedAws()) {
            EmbeddedAws aws = EmbeddedAws.start(templatePath, new EmbeddedAws.Options(
                    config.dynamodbPort(), config.sqsPort(), config.dataDir().map(Path::of).orElse(null), "crm-sync",
                    settings.tableName(), "crmsync.local.dynamodb-port", "crmsync.local.sqs-port"));
            running.push(aws);
            embedded = aws;
            queueUrls.forEach((id, configured) -> requireSame(id, configured, aws.queueUrl(id)));
            banner.put("DynamoDB (emulator)", aws.dynamoEndpoint() + " (table " + aws.tableName() + ", "
                    + config.dataDir().map(d -> "data in " + d).orElse("in memory") + ")");
            banner.put("ElasticMQ (SQS)", aws.sqsEndpoint());
            sqs = aws.newSqsClient();
        } else {
            sqs = SqsClient.create();
        }
        running.push(sqs);

        LocalSandboxes sandboxes = LocalSandboxes.start(settings, config.demoData());
        running.push(sandboxes);
        sandboxes.describe(banner, settings);
        sandboxes.demo().ifPresent(demo -> chooseDemoSegmentUnlessChosen(demo.inclusionListId()));

        for (EventSourceDefinition source : template.eventSources()) {
            if (source.isQueue()) {
                String url = queueUrls.get(source.queueLogicalId());
                if (url == null && embedded != null) {
                    // Queues with no crmsync.queues.* setting (the import dead-letter queue): ElasticMQ knows them.
                    url = embedded.queueUrl(source.queueLogicalId());
                }
                if (url == null) {
                    throw new IllegalStateException(source.functionLogicalId() + " consumes " + source.queueLogicalId()
                            + ", which local mode has no URL for");
                }
                running.push(new LocalSqsEventSource(sqs, url, source.export(), source.batchSize(),
                        config.retryVisibilityTimeout(), dispatcher).start());
                banner.put(source.export() + " <- SQS", url + " (batch " + source.batchSize() + ")");
            } else if (source.isSchedule()) {
                running.push(LocalSchedule.start(source.export(), config.pollInterval(), dispatcher));
                banner.put(source.export() + " <- schedule", "every " + config.pollInterval().toString()
                        .substring(2).toLowerCase() + " (deployed: " + source.schedule() + ")");
            }
        }
        LocalApiServer api = LocalApiServer.start(config.apiPort(), "api", dispatcher);
        running.push(api);
        banner.put("HTTP API (api function)", api.baseUrl());
        if (config.events()) {
            String changeEvents = queueUrls.get("SalesforceChangeEventsQueue");
            if (changeEvents == null && embedded != null) {
                changeEvents = embedded.queueUrl("SalesforceChangeEventsQueue");
            }
            sandboxes.wireEvents(sqs, changeEvents, api.baseUrl() + WEBHOOK_PATH, settings, banner);
        }
        banner.put("Console", api.baseUrl() + "/console/");
    }

    /**
     * The demo's inclusion segment, chosen through the HTTP API as a user would choose it, so that a data folder
     * kept across restarts keeps whatever the user chose since.
     */
    private void chooseDemoSegmentUnlessChosen(String listId) {
        JsonNode settings = callApi("GET", "/settings", null);
        if (settings.path("inclusionSegments").path("contact").isTextual()) {
            return;
        }
        callApi("PUT", "/settings/inclusion-segments/contact", "{\"listId\":\"" + listId + "\"}");
    }

    private JsonNode callApi(String method, String path, String body) {
        try {
            var mapper = AmazonLambdaMapperRecorder.objectMapper;
            String event = mapper.writeValueAsString(ApiGatewayEvents.httpEvent(
                    ApiGatewayEvents.HttpRequest.internal(method, path, body)));
            var response = (APIGatewayV2HTTPResponse) dispatcher.invoke("api", event);
            if (response.getStatusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " answered " + response.getStatusCode() + ": "
                        + response.getBody());
            }
            return mapper.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getOriginalMessage(), e);
        }
    }

    private void stop() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                LOG.warnf("Stopping a local component failed: %s", e.toString());
            }
        }
    }

    private static void requireSame(String queue, String configured, String actual) {
        if (!configured.equals(actual)) {
            throw new IllegalStateException("The configured URL of " + queue + " is " + configured
                    + " but ElasticMQ created " + actual + ". Set crmsync.queues.* to match crmsync.local.sqs-port.");
        }
    }
}
