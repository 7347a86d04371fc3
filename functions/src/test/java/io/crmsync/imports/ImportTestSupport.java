package io.crmsync.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.crmsync.local.FunctionDispatcher;
import io.crmsync.testing.EmbeddedAwsTestResource;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.LambdaEvents;
import io.quarkus.arc.Arc;
import io.restassured.path.json.JsonPath;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Drives imports in tests without sleeping: API calls through the api function's Lambda events, and the chunk chain
 * by receiving from ElasticMQ and invoking the importChunk function until the queue is empty, as Lambda's SQS event
 * source would (a message that throws is made visible again, and after the redrive limit ElasticMQ dead-letters it).
 */
public final class ImportTestSupport {

    private static SqsClient sqs;

    private ImportTestSupport() {
    }

    /** An API answer: HTTP status and the parsed JSON body. */
    public record Answer(int status, JsonPath body, String raw) {
    }

    public static Answer api(String method, String path, String query, String body) {
        JsonPath event = LambdaEvents.invoke(LambdaEvents.httpRequest(method, path, query, body)).then()
                .statusCode(200).extract().jsonPath();
        String raw = event.getString("body");
        return new Answer(event.getInt("statusCode"), raw == null ? null : JsonPath.from(raw), raw);
    }

    public static synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = EmbeddedAwsTestResource.aws().newSqsClient();
        }
        return sqs;
    }

    public static String queue(String logicalId) {
        return EmbeddedAwsTestResource.aws().queueUrl(logicalId);
    }

    /** An empty org, an empty portal and empty queues: each end-to-end import test starts from nothing. */
    public static void startClean() {
        SalesforceSandboxTestResource.sandbox().reset();
        HubSpotSandboxTestResource.resetSandbox();
        purgeQueues();
    }

    public static void purgeQueues() {
        for (String q : List.of("ImportChunksQueue", "ImportChunksDeadLetterQueue", "SyncBatchesQueue")) {
            receiveAll(queue(q), 0);
        }
    }

    /** Every message now on the queue (removed from it). */
    public static List<String> receiveAll(String queueUrl, int waitSeconds) {
        List<String> bodies = new ArrayList<>();
        while (true) {
            List<Message> messages = sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .waitTimeSeconds(waitSeconds)).messages();
            if (messages.isEmpty()) {
                return bodies;
            }
            for (Message m : messages) {
                bodies.add(m.body());
                sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
    }

    /**
     * The one message on the queue (removed from it), waiting up to a second for it to arrive; fails when there is
     * none or when another one is visible beside it. Unlike {@link #receiveAll}, it does not sit out a long poll on
     * the emptied queue.
     */
    public static String takeOnly(String queueUrl) {
        List<Message> messages = sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1)
                .waitTimeSeconds(1)).messages();
        if (messages.isEmpty()) {
            throw new AssertionError("No message on " + queueUrl + " within 1 s");
        }
        Message m = messages.get(0);
        sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
        String visible = sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        if (!"0".equals(visible)) {
            throw new AssertionError("Expected one message on " + queueUrl + ", found " + visible + " more");
        }
        return m.body();
    }

    /** How a drain went: messages handled and deliveries that failed (left for redelivery). */
    public record Drain(int handled, int failed) {
    }

    public static Drain drainImportQueue() {
        return drain("ImportChunksQueue", "importChunk", 1);
    }

    /** Drains while waiting up to {@code waitSeconds} for delayed messages (a paused import's re-check). */
    public static Drain drainImportQueue(int waitSeconds) {
        return drain("ImportChunksQueue", "importChunk", waitSeconds);
    }

    public static Drain drainDeadLetters() {
        return drain("ImportChunksDeadLetterQueue", "importDeadLetter", 1);
    }

    private static Drain drain(String logicalId, String function, int waitSeconds) {
        String url = queue(logicalId);
        FunctionDispatcher dispatcher = Arc.container().instance(FunctionDispatcher.class).get();
        int handled = 0;
        int failed = 0;
        Instant waitUntil = null;
        while (true) {
            List<Message> messages = sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1)
                    .waitTimeSeconds(0)).messages();
            if (messages.isEmpty()) {
                // Nothing visible: done once the queue holds nothing at all. A delayed message (a paused page's
                // re-check) is waited for up to waitSeconds in all, and taken as soon as it becomes visible;
                // the drain no longer sits out a whole long poll on an empty queue.
                if (isEmpty(url)) {
                    return new Drain(handled, failed);
                }
                if (waitUntil == null) {
                    waitUntil = Instant.now().plusSeconds(waitSeconds);
                } else if (Instant.now().isAfter(waitUntil)) {
                    return new Drain(handled, failed);
                }
                messages = sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(1))
                        .messages();
                if (messages.isEmpty()) {
                    continue;
                }
            }
            waitUntil = null;
            Message m = messages.get(0);
            try {
                dispatcher.invoke(function, m.body());
                sqs().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                handled++;
            } catch (RuntimeException e) {
                // What Lambda does with a batch item failure: the message becomes visible again for a retry.
                sqs().changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
                failed++;
            }
        }
    }

    /** No message on the queue: none visible, none in flight, none delayed. */
    private static boolean isEmpty(String url) {
        Map<QueueAttributeName, String> counts = sqs().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }

    /** Records referenced by the sync batch messages now on the sync queue (removed from it). */
    public static int syncRecordsQueued() {
        int records = 0;
        for (String body : receiveAll(queue("SyncBatchesQueue"), 0)) {
            records += JsonPath.from(body).getList("records").size();
        }
        return records;
    }

    public static Map<String, Object> contact(int i, String email) {
        return email == null ? Map.of("LastName", "Person " + i)
                : Map.of("LastName", "Person " + i, "FirstName", "P" + i, "Email", email, "Phone", "555-" + i);
    }
}
