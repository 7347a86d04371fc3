package io.crmsync.resync;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A segment resync as stored and reported by {@code GET /resyncs/{id}}: the snapshot size, the calls it was
 * estimated to need, and progress counted once per completed sync batch.
 */
@RegisterForReflection
public record ResyncJob(String resyncId, String object, String listId, Status status, long members, long batches,
        long estimatedSalesforceCalls, long estimatedHubSpotCalls, long batchesDone, long processed, long written,
        long failed, Instant createdAt, Instant finishedAt) {

    public enum Status {
        RUNNING, COMPLETED, COMPLETED_WITH_ERRORS
    }
}
