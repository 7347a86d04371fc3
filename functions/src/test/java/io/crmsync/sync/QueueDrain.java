package io.crmsync.sync;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.testing.EmbeddedAwsTestResource;

/** Receives everything on the sync queue (ElasticMQ) and deletes it, as Lambda's event source would after a run. */
final class QueueDrain {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private QueueDrain() {
    }

    static List<SyncBatchMessage> drain() {
        var aws = EmbeddedAwsTestResource.aws();
        String url = aws.queueUrl("SyncBatchesQueue");
        List<SyncBatchMessage> out = new ArrayList<>();
        try (var sqs = aws.newSqsClient()) {
            while (true) {
                var messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                        .messages();
                if (messages.isEmpty()) {
                    return out;
                }
                for (var m : messages) {
                    out.add(JSON.readValue(m.body(), SyncBatchMessage.class));
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
