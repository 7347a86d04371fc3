package io.crmsync.resync;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A segment resync as stored and reported by {@code GET /resyncs/{id}}: the snapshot size, the calls it was
 * estimated to need, and progress counted once per completed sync batch. {@code error} says why a REFUSED job did
 * nothing (the list is gone, the Salesforce budget is short); null otherwise.
 */
@RegisterForReflection
public record ResyncJob(String resyncId, String object, String listId, Status status, long members, long batches,
        long estimatedSalesforceCalls, long estimatedHubSpotCalls, long batchesDone, long processed, long written,
        long failed, Instant createdAt, Instant finishedAt, Refusal error) {

    public ResyncJob(String resyncId, String object, String listId, Status status, long members, long batches,
            long estimatedSalesforceCalls, long estimatedHubSpotCalls, long batchesDone, long processed, long written,
            long failed, Instant createdAt, Instant finishedAt) {
        this(resyncId, object, listId, status, members, batches, estimatedSalesforceCalls, estimatedHubSpotCalls,
                batchesDone, processed, written, failed, createdAt, finishedAt, null);
    }

    /** Accepted, waiting for the sync worker to read the list's members and queue them. */
    static ResyncJob queued(String resyncId, String object, String listId, Instant now) {
        return new ResyncJob(resyncId, object, listId, Status.QUEUED, 0, 0, 0, 0, 0, 0, 0, 0, now, null);
    }

    public boolean finished() {
        return status == Status.COMPLETED || status == Status.COMPLETED_WITH_ERRORS || status == Status.REFUSED;
    }

    public enum Status {
        /** accepted; the worker has not read the members yet */
        QUEUED,
        /** members read and queued in batches; counted as the batches finish */
        RUNNING, COMPLETED, COMPLETED_WITH_ERRORS,
        /** nothing was queued: see {@code error} */
        REFUSED
    }

    /** Why a job was refused, in the API's error terms: a code and a message saying what to do. */
    @RegisterForReflection
    public record Refusal(String code, String message) {
    }
}
