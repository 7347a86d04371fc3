package io.crmsync.sync;

import static io.crmsync.queue.InvalidMessageException.require;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A batch of records to sync: why ({@code reason}: POLL, IMPORT, RESYNC, RETRY, DELETE), for which object and which
 * records. Each record names at least one side; the worker resolves the other through the pairing. DELETE batches
 * carry the Salesforce ids getDeleted reported. {@code membershipSnapshotId}, when set, names the inclusion-segment
 * membership the sender read when it chose the records (a poll's snapshot, a resync's or an import's pinned one):
 * the worker judges eligibility by that snapshot, read by its id, instead of whichever is current when it runs.
 */
@RegisterForReflection
public record SyncBatchMessage(String batchId, String object, String reason, List<RecordRef> records,
        String membershipSnapshotId) {

    /** A batch judged by the latest stored segment snapshot (what polls send). */
    public SyncBatchMessage(String batchId, String object, String reason, List<RecordRef> records) {
        this(batchId, object, reason, records, null);
    }

    /** Batches stay small enough for one Salesforce Collections call (200) and two HubSpot batch calls (100). */
    public static final int MAX_RECORDS = 200;

    public static final String DELETE = "DELETE";

    @RegisterForReflection
    public record RecordRef(String hubspotId, String salesforceId) {
    }

    public SyncBatchMessage validate() {
        require(batchId != null && !batchId.isBlank(), "syncBatch message has no batchId");
        require(object != null && !object.isBlank(), "syncBatch message " + batchId + " has no object");
        require(records != null && !records.isEmpty(), "syncBatch message " + batchId + " has no records");
        require(records.size() <= MAX_RECORDS, "syncBatch message " + batchId + " has " + records.size()
                + " records; at most " + MAX_RECORDS + " fit in one batch");
        require(membershipSnapshotId == null || !membershipSnapshotId.isBlank(), "syncBatch message " + batchId
                + " has a blank membershipSnapshotId; leave it out to judge by the latest segment snapshot");
        for (int i = 0; i < records.size(); i++) {
            RecordRef ref = records.get(i);
            require(ref != null && (ref.hubspotId() != null || ref.salesforceId() != null),
                    "syncBatch message " + batchId + " record " + i + " names neither a HubSpot nor a Salesforce id");
        }
        return this;
    }
}
