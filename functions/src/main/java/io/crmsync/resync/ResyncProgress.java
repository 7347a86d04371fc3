package io.crmsync.resync;

import java.time.Clock;

import io.crmsync.sync.SyncBatchCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Counts each finished resync batch into its job, once per batch however often SQS delivers it. */
@ApplicationScoped
public class ResyncProgress {

    private final ResyncJobRepository jobs;
    private final Clock clock;

    ResyncProgress(ResyncJobRepository jobs, Clock clock) {
        this.jobs = jobs;
        this.clock = clock;
    }

    void onBatch(@Observes SyncBatchCompleted batch) {
        String resyncId = SegmentResyncService.resyncIdOf(batch.message().batchId());
        if (resyncId == null || !"RESYNC".equals(batch.message().reason())) {
            return;
        }
        var outcome = batch.outcome();
        jobs.applyBatch(resyncId, batch.message().batchId(), batch.message().records().size(),
                outcome.recordsWritten(), outcome.recordsFailed(), clock.instant());
    }
}
