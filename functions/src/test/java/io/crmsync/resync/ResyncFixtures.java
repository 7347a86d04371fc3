package io.crmsync.resync;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.local.FunctionDispatcher;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.settings.SyncRule;
import io.crmsync.testing.EmbeddedAwsTestResource;

/**
 * Moves shared by the resync and Sync Health tests: call the {@code api} function as API Gateway would, and work the
 * sync queue as Lambda's SQS event source would (receive, run {@code syncBatch}, delete) until it is empty.
 */
public final class ResyncFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResyncFixtures() {
    }

    public static JsonNode api(String method, String path, String query, String body, int expectedStatus) {
        return api(method, path, query, body, java.util.Map.of(), expectedStatus);
    }

    /** With request headers, names in lower case as API Gateway sends them. */
    public static JsonNode api(String method, String path, String query, String body,
            java.util.Map<String, String> headers, int expectedStatus) {
        var response = invoke(httpRequest(method, path, query, body, headers)).then().statusCode(200).extract();
        assertThat(response.path("statusCode").toString()).as(response.asString())
                .isEqualTo(String.valueOf(expectedStatus));
        try {
            return JSON.readTree(response.path("body").toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contact mappings the resync tests assert on (email, last name, phone, title), and no inclusion segment. */
    public static void contactMappingsWithoutSegment(MappingCatalog mappings, InclusionSegmentSettings segments) {
        segments.choose("contact", null);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"),
                new FieldMapping("lastname", "LastName", SyncRule.PREFER_SALESFORCE_UNLESS_BLANK),
                new FieldMapping("phone", "Phone", SyncRule.PREFER_SALESFORCE_UNLESS_BLANK),
                new FieldMapping("jobtitle", "Title", SyncRule.PREFER_SALESFORCE_UNLESS_BLANK)));
    }

    /** @return the number of sync batches run */
    public static int drainSyncQueue(FunctionDispatcher functions) {
        var aws = EmbeddedAwsTestResource.aws();
        String url = aws.queueUrl("SyncBatchesQueue");
        int batches = 0;
        try (var sqs = aws.newSqsClient()) {
            while (true) {
                var messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                        .messages();
                if (messages.isEmpty()) {
                    return batches;
                }
                for (var m : messages) {
                    functions.invoke("syncBatch", m.body());
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                    batches++;
                }
            }
        }
    }

    /** Runs the one message the sync queue holds (a segment resync's planning step, say) and deletes it. */
    public static void runOneMessage(FunctionDispatcher functions) {
        var aws = EmbeddedAwsTestResource.aws();
        String url = aws.queueUrl("SyncBatchesQueue");
        try (var sqs = aws.newSqsClient()) {
            var messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            assertThat(messages).as("messages on the sync queue").hasSize(1);
            functions.invoke("syncBatch", messages.get(0).body());
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()));
        }
    }

    /** Messages waiting on the sync queue, received and deleted (for "nothing was enqueued" checks). */
    public static int discardSyncQueue() {
        var aws = EmbeddedAwsTestResource.aws();
        String url = aws.queueUrl("SyncBatchesQueue");
        int count = 0;
        try (var sqs = aws.newSqsClient()) {
            while (true) {
                var messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                        .messages();
                if (messages.isEmpty()) {
                    return count;
                }
                for (var m : messages) {
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                    count++;
                }
            }
        }
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
