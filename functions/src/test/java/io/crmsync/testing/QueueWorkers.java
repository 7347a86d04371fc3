package io.crmsync.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.crmsync.local.FunctionDispatcher;
import io.quarkus.arc.Arc;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What Lambda's SQS event source does with {@code MaximumConcurrency: n} and {@code BatchSize: b}: n workers each poll
 * the queue for up to b messages, invoke the function with them as one batch through Funqy (as
 * {@link FunctionDispatcher#invokeBatch} does it on Lambda), delete the successes and make the failures visible again.
 * They stop once the queue holds no message, visible or in flight, while none of them is working. (Lambda's batching
 * window is not simulated: a worker takes what the queue has.)
 */
public final class QueueWorkers {

    /** Messages handled and failed attempts (messages), and the most invocations that ran at once. */
    public record Drain(int handled, int failed, int peakConcurrency) {
    }

    private QueueWorkers() {
    }

    /** One message per invocation. */
    public static Drain drain(String logicalQueueId, String function, int workers) {
        return drain(logicalQueueId, function, workers, 1);
    }

    /** Up to {@code batchSize} messages per invocation (SQS hands out at most 10 at a time). */
    public static Drain drain(String logicalQueueId, String function, int workers, int batchSize) {
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("batchSize must be 1 to 10 (SQS's most per receive), was " + batchSize);
        }
        String url = EmbeddedAwsTestResource.aws().queueUrl(logicalQueueId);
        FunctionDispatcher dispatcher = Arc.container().instance(FunctionDispatcher.class).get();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicInteger handled = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(new Thread(() -> work(url, function, batchSize, dispatcher, busy, peak, handled, failed),
                    function + "-worker-" + w));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Drain(handled.get(), failed.get(), peak.get());
    }

    private static boolean nothingQueued(SqsClient sqs, String url) {
        Map<QueueAttributeName, String> counts = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return counts.values().stream().allMatch("0"::equals);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void work(String url, String function, int batchSize, FunctionDispatcher dispatcher, AtomicInteger busy,
            AtomicInteger peak, AtomicInteger handled, AtomicInteger failed) {
        try (var sqs = EmbeddedAwsTestResource.aws().newSqsClient()) {
            long idleSince = 0;
            while (true) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(0)).messages();
                if (messages.isEmpty()) {
                    // Done once no worker is busy and the queue holds nothing visible or in flight (a message another
                    // worker just received counts as in flight). Asking the queue instead of sitting out a 1 s long
                    // poll ends the drain as soon as the last message is handled. A message held in flight by no
                    // worker (left by someone else) ends it after 1 s with none busy, as the long poll did.
                    if (busy.get() == 0) {
                        if (nothingQueued(sqs, url)) {
                            return;
                        }
                        idleSince = idleSince == 0 ? System.nanoTime() : idleSince;
                        if (System.nanoTime() - idleSince > 1_000_000_000L) {
                            return;
                        }
                    } else {
                        idleSince = 0;
                    }
                    pause();
                    continue;
                }
                idleSince = 0;
                peak.accumulateAndGet(busy.incrementAndGet(), Math::max);
                try {
                    var outcomes = dispatcher.invokeBatch(function, messages.stream().map(Message::body).toList());
                    for (int i = 0; i < messages.size(); i++) {
                        Message m = messages.get(i);
                        if (outcomes.get(i).succeeded()) {
                            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                            handled.incrementAndGet();
                        } else {
                            sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())
                                    .visibilityTimeout(0));
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    busy.decrementAndGet();
                }
            }
        }
    }
}
