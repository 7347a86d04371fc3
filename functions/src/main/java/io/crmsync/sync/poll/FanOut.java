package io.crmsync.sync.poll;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.config.CrmSyncConfig;
import io.crmsync.sync.SyncBatchMessage;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Sends records to the sync queue in batches of {@link SyncBatchMessage#MAX_RECORDS}, ten messages per SQS call.
 * Throws if any message was not accepted, so the caller keeps its watermark and the next poll sends them again.
 */
@ApplicationScoped
public class FanOut {

    private final SqsClient sqs;
    private final String queueUrl;
    private final ObjectMapper mapper;

    FanOut(SqsClient sqs, CrmSyncConfig config, ObjectMapper mapper) {
        this.sqs = sqs;
        this.queueUrl = config.queues().syncBatchesUrl();
        this.mapper = mapper;
    }

    /** @return the number of messages sent */
    public int send(String object, String reason, String batchIdPrefix, List<SyncBatchMessage.RecordRef> refs) {
        return send(object, reason, batchIdPrefix, refs, null);
    }

    /** Batches judged by the segment membership snapshot {@code membershipSnapshotId} (null: the latest stored). */
    public int send(String object, String reason, String batchIdPrefix, List<SyncBatchMessage.RecordRef> refs,
            String membershipSnapshotId) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0, n = 0; i < refs.size(); i += SyncBatchMessage.MAX_RECORDS, n++) {
            List<SyncBatchMessage.RecordRef> chunk = refs.subList(i, Math.min(refs.size(), i + SyncBatchMessage.MAX_RECORDS));
            SyncBatchMessage message = new SyncBatchMessage(batchIdPrefix + "-" + n, object, reason, List.copyOf(chunk),
                    membershipSnapshotId);
            entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(n)).messageBody(json(message)).build());
        }
        for (int i = 0; i < entries.size(); i += 10) {
            List<SendMessageBatchRequestEntry> group = entries.subList(i, Math.min(entries.size(), i + 10));
            var response = sqs.sendMessageBatch(r -> r.queueUrl(queueUrl).entries(group));
            if (!response.failed().isEmpty()) {
                throw new IllegalStateException("The sync queue refused " + response.failed().size() + " of "
                        + group.size() + " messages: " + response.failed().get(0).message());
            }
        }
        return entries.size();
    }

    /** Queues one message as it is (a step that fans out later, such as a segment resync's planning). */
    public void send(SyncBatchMessage message) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(json(message)));
    }

    /** Puts {@code message} back on the queue, visible again after {@code delaySeconds} (SQS allows 0 to 900). */
    public void resend(SyncBatchMessage message, int delaySeconds) {
        int delay = Math.max(0, Math.min(900, delaySeconds));
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(json(message)).delaySeconds(delay));
    }

    private String json(SyncBatchMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A sync batch message could not be written", e);
        }
    }
}
