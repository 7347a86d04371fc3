package io.crmsync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.sync.SyncBatchMessage;

/** The sync queue (ElasticMQ) as tests see it: everything on it, received and deleted, as Lambda's event source would. */
public final class SyncQueue {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private SyncQueue() {
    }

    /** @return every message waiting on the sync queue, in the order received; the queue is empty afterwards */
    public static List<SyncBatchMessage> drain() {
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
        } catch (IOException e) {
            throw new UncheckedIOException("A sync queue message is not a SyncBatchMessage", e);
        }
    }
}
