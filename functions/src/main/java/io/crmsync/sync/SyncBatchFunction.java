package io.crmsync.sync;

import java.time.Instant;

import io.crmsync.limits.CallDeadline;
import io.crmsync.limits.LimitsConfig;
import io.crmsync.resync.SegmentResyncService;
import io.crmsync.usage.UsageRecorder;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The sync worker: one SQS message is one batch of records; failures are reported per message to SQS. The messages
 * of one SQS event run at once (see {@link MessagesAtOnce}).
 */
public class SyncBatchFunction {

    @Inject
    SyncBatchService batches;

    @Inject
    Event<SyncBatchCompleted> completed;

    @Inject
    UsageRecorder usage;

    @Inject
    LimitsConfig limits;

    @Inject
    SegmentResyncService segmentResyncs;

    @Inject
    MessagesAtOnce messagesAtOnce;

    @Funq("syncBatch")
    public Uni<Void> syncBatch(SyncBatchMessage message) {
        // the invocation's deadline, taken now: a message waiting for a pool thread has less of it left, not more
        Instant deadline = Instant.now().plus(limits.functionTimeout()).minus(limits.deadlineMargin());
        SyncBatchMessage valid = message.validate();
        return messagesAtOnce.run(() -> {
            CallDeadline.until(deadline, () -> handle(valid));
            return null;
        });
    }

    private void handle(SyncBatchMessage message) {
        if (message.isSegmentResyncStep()) {
            segmentResyncs.planOrPause(message);
            return;
        }
        batches.processOrPause(message).ifPresentOrElse(
                outcome -> completed.fire(new SyncBatchCompleted(message, outcome)),
                // paused for a daily limit: not finished, so no resync counts it, but its calls are still counted
                usage::flush);
    }
}
