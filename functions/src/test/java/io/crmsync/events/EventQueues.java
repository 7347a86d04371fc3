package io.crmsync.events;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.testing.EmbeddedAwsTestResource;

/** Takes everything off the sync queue (ElasticMQ), as Lambda's event source would hand it to the worker. */
final class EventQueues {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private EventQueues() {
    }

    static List<SyncBatchMessage> drainSyncQueue() {
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

    static List<String> hubspotIds(List<SyncBatchMessage> messages) {
        return messages.stream().flatMap(m -> m.records().stream()).map(SyncBatchMessage.RecordRef::hubspotId).toList();
    }

    static List<String> salesforceIds(List<SyncBatchMessage> messages) {
        return messages.stream().flatMap(m -> m.records().stream()).map(SyncBatchMessage.RecordRef::salesforceId)
                .toList();
    }
}
