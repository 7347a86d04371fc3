package io.crmsync.sync;

import java.time.Instant;

import io.crmsync.limits.CallDeadline;
import io.crmsync.limits.LimitsConfig;
import io.crmsync.resync.SegmentResyncService;
import io.crmsync.usage.UsageRecorder;
import io.quarkus.funqy.Funq;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** The sync worker: one SQS message is one batch of records; failures are reported per message to SQS. */
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

    @Funq("syncBatch")
    public void syncBatch(SyncBatchMessage message) {
        Instant deadline = Instant.now().plus(limits.functionTimeout()).minus(limits.deadlineMargin());
        if (message.validate().isSegmentResyncStep()) {
            CallDeadline.until(deadline, () -> segmentResyncs.planOrPause(message));
            return;
        }
        CallDeadline.until(deadline, () -> batches.processOrPause(message.validate()).ifPresentOrElse(
                outcome -> completed.fire(new SyncBatchCompleted(message, outcome)),
                // paused for a daily limit: not finished, so no resync counts it, but its calls are still counted
                usage::flush));
    }
}
