package io.crmsync.sync;

import static io.crmsync.queue.InvalidMessageException.require;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A batch of records to sync: why ({@code reason}: POLL, IMPORT, RESYNC, RETRY, DELETE), for which object and which
 * records. Each record names at least one side; the worker resolves the other through the pairing. DELETE batches
 * carry the Salesforce ids getDeleted reported. {@code membershipSnapshotId}, when set, names the inclusion-segment
 * membership the sender read when it chose the records (a poll's snapshot, a resync's or an import's pinned one):
 * the worker judges eligibility by that snapshot, read by its id, instead of whichever is current when it runs.
 *
 * <p>One message is not a batch but the step that makes them: a {@link #RESYNC_SEGMENT} message names a segment
 * resync ({@code batchId} {@code resync-<resyncId>-plan}) and its HubSpot list ({@code listId}) and has no records;
 * the worker reads the list's members and queues them in RESYNC batches.
 */
@RegisterForReflection
public record SyncBatchMessage(String batchId, String object, String reason, List<RecordRef> records,
        String membershipSnapshotId, String listId) {

    public static final String RESYNC_SEGMENT = "RESYNC_SEGMENT";

    /** A batch judged by the membership snapshot {@code membershipSnapshotId} (null: the latest stored). */
    public SyncBatchMessage(String batchId, String object, String reason, List<RecordRef> records,
            String membershipSnapshotId) {
        this(batchId, object, reason, records, membershipSnapshotId, null);
    }

    /** The step that reads list {@code listId}'s members and queues them for segment resync {@code resyncId}. */
    public static SyncBatchMessage segmentResync(String resyncId, String object, String listId) {
        return new SyncBatchMessage("resync-" + resyncId + "-plan", object, RESYNC_SEGMENT, List.of(), null, listId);
    }

    @JsonIgnore // a reading of the reason, not a field of the message
    public boolean isSegmentResyncStep() {
        return RESYNC_SEGMENT.equals(reason);
    }

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
        if (isSegmentResyncStep()) {
            require(listId != null && listId.matches("[0-9]{1,32}"), "syncBatch message " + batchId
                    + " is a segment resync step and needs the HubSpot list id (digits) in listId");
            require(batchId.matches("resync-[A-Za-z0-9]{1,64}-plan"), "syncBatch message " + batchId
                    + " is a segment resync step; its batchId must be resync-<resyncId>-plan");
            require(records == null || records.isEmpty(), "syncBatch message " + batchId
                    + " is a segment resync step and carries no records: the worker reads the list's members");
            return this;
        }
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
