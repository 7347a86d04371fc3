package io.crmsync.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Delivers a queue's messages to a function as Lambda's SQS event source mapping does with
 * ReportBatchItemFailures: up to the batch size at a time, the messages to the function as one batch (run at once where
 * the function allows, as Funqy runs them on Lambda), successes deleted, failures
 * left on the queue to come back after the visibility timeout and, past maxReceiveCount, to be moved to the
 * dead-letter queue by the queue's redrive policy.
 */
final class LocalSqsEventSource implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalSqsEventSource.class);
    private static final int SQS_RECEIVE_MAX = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String export;
    private final int batchSize;
    private final Optional<Duration> retryVisibility;
    private final FunctionDispatcher dispatcher;
    private final Thread poller;
    private volatile boolean running = true;

    LocalSqsEventSource(SqsClient sqs, String queueUrl, String export, int batchSize, Optional<Duration> retryVisibility,
            FunctionDispatcher dispatcher) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.export = export;
        this.batchSize = Math.min(batchSize, SQS_RECEIVE_MAX);
        this.retryVisibility = retryVisibility;
        this.dispatcher = dispatcher;
        this.poller = new Thread(this::pollLoop, "local-sqs-" + export);
        this.poller.setDaemon(true);
    }

    LocalSqsEventSource start() {
        poller.start();
        return this;
    }

    private void pollLoop() {
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(1).messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!messages.isEmpty()) {
                    deliver(messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.warnf("Polling %s for %s failed (%s); retrying", queueUrl, export, e.toString());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
    }

    /** The batch as one invocation, as Lambda hands it to Funqy: its messages run at once where the function allows. */
    private void deliver(List<Message> batch) {
        List<FunctionDispatcher.Outcome> outcomes = dispatcher.invokeBatch(export,
                batch.stream().map(Message::body).toList());
        List<DeleteMessageBatchRequestEntry> processed = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Message message = batch.get(i);
            FunctionDispatcher.Outcome outcome = outcomes.get(i);
            if (outcome.succeeded()) {
                processed.add(DeleteMessageBatchRequestEntry.builder().id(message.messageId())
                        .receiptHandle(message.receiptHandle()).build());
                continue;
            }
            LOG.warnf("%s failed message %s (receive %s): %s", export, message.messageId(),
                    message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT),
                    outcome.cause().getMessage());
            retryVisibility.ifPresent(v -> sqs.changeMessageVisibility(r -> r.queueUrl(queueUrl)
                    .receiptHandle(message.receiptHandle()).visibilityTimeout((int) v.toSeconds())));
        }
        if (!processed.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(processed));
        }
    }

    @Override
    public void close() {
        running = false;
        poller.interrupt();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
