package io.crmsync.integrity;

import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.imports.ImportTestSupport;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.PairingRepository;
import io.crmsync.testing.EmbeddedAwsTestResource;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A CRM's spent daily API budget pauses the work until the reset instead of failing it: a failed SQS receive counts
 * towards maxReceiveCount (5), so failing would send the batch or the import page to a dead-letter queue. The budget
 * is spent and given back over the sandbox's HTTP fault route, as any client would; the queues are real (ElasticMQ)
 * and the functions run as Lambda's event source calls them.
 */
@QuarkusTest
class DailyLimitPauseTest {

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segmentSettings;
    @Inject
    PairingRepository pairings;
    @Inject
    FunctionDispatcher functions;

    private SettingsSnapshot settings;

    @BeforeEach
    void companiesWithoutSegment() {
        settings = SettingsSnapshot.companiesByNameAndCity(mappings, segmentSettings);
    }

    @AfterEach
    void restore() {
        hubspotBudget(false);
        settings.restore();
    }

    @Test
    void syncBatch_whileHubSpotDailyLimitIsSpent_waitsForTheReset_neverFails_thenSyncsOnce() {
        // given: a new account to sync, and a portal whose daily calls are used up
        String tag = unique("daily-sync");
        String account = salesforce().insert("Account", Map.of("Name", tag, "BillingCity", "Nantes"));
        String queue = EmbeddedAwsTestResource.aws().queueUrl("SyncBatchesQueue");
        send(queue, "{\"batchId\":\"" + tag + "\",\"object\":\"company\",\"reason\":\"POLL\",\"records\":"
                + "[{\"salesforceId\":\"" + account + "\"}]}");
        hubspotBudget(true);

        // when: the sync worker meets the limit
        Work paused = work(queue, "syncBatch", Duration.ofSeconds(6));

        // then: the batch is not failed (no step towards the dead-letter queue), and the API says sync waits
        assertThat(paused.failed()).isZero();
        assertThat(paused.handled()).isPositive();
        assertThat(hubspot().find("companies", "name", tag)).isEmpty();
        JsonNode usage = api("GET", "/api-usage", null, null, 200);
        assertThat(usage.path("paused").toString()).contains("hubspot").contains(nextMidnightUtc());

        // when: the budget is back (midnight), and the worker looks again
        hubspotBudget(false);
        Work resumed = work(queue, "syncBatch", Duration.ofSeconds(15));

        // then: one company, paired with its account, and nothing says sync waits any more
        assertThat(resumed.failed()).isZero();
        List<Map<String, String>> companies = hubspot().find("companies", "name", tag);
        assertThat(companies).hasSize(1);
        assertThat(pairings.findBySalesforceId("company", account).orElseThrow().hubspotId())
                .isEqualTo(companies.get(0).get("hs_object_id"));
        assertThat(api("GET", "/api-usage", null, null, 200).path("paused").toString()).doesNotContain("hubspot");
    }

    @Test
    void importPage_whileHubSpotDailyLimitIsSpent_showsPausedUntilTheReset_neverDeadLetters_thenCompletesOnce() {
        // given: an import of one account, started before the portal's daily calls ran out
        String tag = unique("daily-import");
        String account = salesforce().insert("Account", Map.of("Name", tag, "BillingCity", "Lille"));
        var started = ImportTestSupport.api("POST", "/imports", null, "{\"object\":\"accounts\",\"filters\":"
                + "[{\"field\":\"Name\",\"operator\":\"eq\",\"value\":\"" + tag + "\"}]}");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        String importId = started.body().getString("importId");
        hubspotBudget(true);
        String queue = EmbeddedAwsTestResource.aws().queueUrl("ImportChunksQueue");

        // when
        Work paused = work(queue, "importChunk", Duration.ofSeconds(6));

        // then: the page waits (no failed receive), and the job says until when
        assertThat(paused.failed()).isZero();
        JsonNode job = api("GET", "/imports/" + importId, null, null, 200);
        assertThat(job.path("status").asText()).isEqualTo("PAUSED_API_BUDGET");
        assertThat(job.path("pausedUntil").asText()).startsWith(nextMidnightUtc());

        // when: the budget is back
        hubspotBudget(false);
        Work resumed = work(queue, "importChunk", Duration.ofSeconds(20));

        // then
        assertThat(resumed.failed()).isZero();
        assertThat(api("GET", "/imports/" + importId, null, null, 200).path("status").asText()).isEqualTo("COMPLETED");
        assertThat(hubspot().find("companies", "name", tag)).hasSize(1);
        assertThat(pairings.findBySalesforceId("company", account)).isPresent();
        assertThat(EmbeddedAwsTestResource.aws().newSqsClient().receiveMessage(r -> r.queueUrl(
                EmbeddedAwsTestResource.aws().queueUrl("ImportChunksDeadLetterQueue")).waitTimeSeconds(0))
                .messages()).isEmpty();
    }

    /** Deliveries handled (message deleted) and failed (made visible again, a step towards the dead-letter queue). */
    record Work(int handled, int failed) {
    }

    /**
     * What Lambda's event source does, for at most {@code atMost}: receive, invoke, delete on success, make visible
     * again on failure. Once it handled a message, it stops as soon as the queue holds nothing (visible, in flight or
     * delayed), or has nothing visible for 1 s: a paused message, put back with a delay of 2 s in tests, is left for the
     * next call; messages other tests left paused on the queue, due at the same moment, are all taken.
     */
    private Work work(String queueUrl, String function, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        int handled = 0;
        int failed = 0;
        try (var sqs = EmbeddedAwsTestResource.aws().newSqsClient()) {
            while (Instant.now().isBefore(deadline)) {
                if (handled + failed > 0 && nothingQueued(sqs, queueUrl)) {
                    break;
                }
                var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(1))
                        .messages();
                if (messages.isEmpty()) {
                    if (handled + failed > 0) {
                        break;
                    }
                    continue;
                }
                var m = messages.get(0);
                try {
                    functions.invoke(function, m.body());
                    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                    handled++;
                } catch (RuntimeException e) {
                    sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())
                            .visibilityTimeout(0));
                    failed++;
                }
            }
        }
        return new Work(handled, failed);
    }

    private static boolean nothingQueued(SqsClient sqs, String queueUrl) {
        var counts = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }

    private static void send(String queueUrl, String body) {
        try (var sqs = EmbeddedAwsTestResource.aws().newSqsClient()) {
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        }
    }

    private static void hubspotBudget(boolean exhausted) {
        given().baseUri(hubspot().baseUrl()).contentType("application/json")
                .body("{\"exhaustBudget\":" + exhausted + "}").put("/sandbox/faults").then().statusCode(204);
    }

    private static String nextMidnightUtc() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T00:00";
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
