package io.crmsync.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Puts import chunk messages on the import queue, optionally delayed (SQS allows 0 to 900 seconds). */
@ApplicationScoped
public class ImportQueue {

    static final int MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final ObjectMapper mapper;
    private final String queueUrl;

    ImportQueue(SqsClient sqs, ObjectMapper mapper, CrmSyncConfig config) {
        this.sqs = sqs;
        this.mapper = mapper;
        this.queueUrl = config.queues().importChunksUrl();
    }

    public void send(ImportChunkMessage message) {
        send(message, 0);
    }

    public void send(ImportChunkMessage message, int delaySeconds) {
        int delay = Math.max(0, Math.min(MAX_DELAY_SECONDS, delaySeconds));
        String body;
        try {
            body = mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + message, e);
        }
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body).delaySeconds(delay));
    }
}
