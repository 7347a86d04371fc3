package io.crmsync.resync;

import java.util.List;

import io.crmsync.sync.SyncBatchMessage;

/**
 * The API calls a segment resync will spend at most, from how the sync worker handles one batch of at most
 * {@link SyncBatchMessage#MAX_RECORDS} members: Salesforce one Collections retrieve per Salesforce object in the batch
 * (a contact pairs with a Lead or a Contact), at most one Collections update, and one Collections create when some
 * members have no partner yet; HubSpot two batch reads and at most two batch updates (100 records per call), and
 * one associations read (1,000 records per call) per association the object keeps in sync (a contact's company).
 * Moving associations costs more only for records whose lookup changed. The HubSpot list pages read for the
 * snapshot are spent before the estimate is given and are not part of it.
 */
public record ResyncEstimate(long members, long batches, long salesforceCalls, long hubspotCalls) {

    static final int HUBSPOT_BATCH = 100;
    static final int ASSOCIATIONS_READ_BATCH = 1_000;

    /**
     * One batch as it will be sent: its size, the Salesforce objects it reads, whether it pairs new records, and how
     * many associations its object keeps in sync.
     */
    public record BatchShape(int size, int salesforceObjects, boolean pairsNewRecords, int associationLinks) {
    }

    public static ResyncEstimate of(List<BatchShape> batches) {
        long members = 0;
        long salesforce = 0;
        long hubspot = 0;
        for (BatchShape b : batches) {
            members += b.size();
            salesforce += b.salesforceObjects() + 1 + (b.pairsNewRecords() ? 1 : 0);
            hubspot += 2 * ceil(b.size(), HUBSPOT_BATCH) + b.associationLinks() * ceil(b.size(), ASSOCIATIONS_READ_BATCH);
        }
        return new ResyncEstimate(members, batches.size(), salesforce, hubspot);
    }

    static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
