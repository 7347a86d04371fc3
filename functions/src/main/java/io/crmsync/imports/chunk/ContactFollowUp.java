package io.crmsync.imports.chunk;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.segments.ImportMarker;
import io.crmsync.segments.InclusionSegment;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.segments.SegmentGate;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.poll.FanOut;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What happens to imported leads and contacts after their email is written, as HubSpot's connector does it: the ones
 * in the contact inclusion segment (all of them when there is none) get a full sync of their mapped fields through
 * the sync queue; the others keep every other property blank. With {@code syncToInclusionSegment} they are first
 * added to the segment: by the API when it is a list that accepts members (MANUAL or SNAPSHOT), by the marker they
 * were written with ({@link ImportMarker}) when it is an active list whose filter admits marked contacts.
 *
 * <p>Membership is read by paging the segment's memberships (250 per call) once per chunk, not by the per-record
 * memberships batch read: a chunk holds up to 2,000 contacts (20 batch reads), so paging is cheaper for segments up
 * to about 5,000 members, which is what inclusion segments usually are; an empty segment costs one call.
 */
@ApplicationScoped
public class ContactFollowUp {

    private final InclusionSegmentSettings segments;
    private final SegmentGate gate;
    private final ImportMarker marker;
    private final HubSpotClient hubspot;
    private final FanOut fanOut;

    ContactFollowUp(InclusionSegmentSettings segments, SegmentGate gate, ImportMarker marker, HubSpotClient hubspot,
            FanOut fanOut) {
        this.segments = segments;
        this.gate = gate;
        this.marker = marker;
        this.hubspot = hubspot;
        this.fanOut = fanOut;
    }

    /** @return how many contacts were queued for a full sync */
    public int followUp(String importId, String chunkId, List<Written> contacts, boolean addToSegment) {
        if (contacts.isEmpty()) {
            return 0;
        }
        Optional<InclusionSegment> segment = segments.find("contact");
        List<Written> toSync;
        String pinned = null;
        if (segment.isEmpty()) {
            toSync = contacts;
        } else {
            String listId = segment.get().listId();
            Set<String> members;
            if (addToSegment && acceptsMembers(listId)) {
                members = new HashSet<>(contacts.stream().map(Written::hubspotId).toList());
                hubspot.lists().addMembers(listId, List.copyOf(members));
            } else {
                members = new HashSet<>(hubspot.lists().allMembers(listId));
                if (addToSegment && marker.admitsEveryMarked(listId)) {
                    // Marked just now: members by the list's filter, even before HubSpot has re-evaluated the list.
                    contacts.forEach(c -> members.add(c.hubspotId()));
                }
            }
            toSync = contacts.stream().filter(c -> members.contains(c.hubspotId())).toList();
            // The sync judges these contacts by the membership just read: the last poll may predate the import.
            pinned = gate.pinCurrentMembers("contact", toSync.stream().map(Written::hubspotId).toList(), listId,
                    members).orElse(null);
        }
        enqueue(importId, chunkId, toSync, pinned);
        return toSync.size();
    }

    private boolean acceptsMembers(String listId) {
        HubSpotList list = hubspot.lists().get(listId);
        // An active list takes no members from the API: the contacts were marked instead (ImportMarker).
        return list.processingType() != HubSpotList.ProcessingType.DYNAMIC;
    }

    /**
     * Ten messages of 200 contacts per SQS call (a page's 2,000 contacts: one call, not ten), with deterministic batch
     * ids: a redelivered chunk sends the same batches, which the sync treats as repeats.
     */
    private void enqueue(String importId, String chunkId, List<Written> contacts, String membershipSnapshotId) {
        List<SyncBatchMessage.RecordRef> refs = contacts.stream()
                .map(c -> new SyncBatchMessage.RecordRef(c.hubspotId(), c.salesforceId())).toList();
        fanOut.send("contact", "IMPORT", "import-" + importId + "-" + chunkId, refs, membershipSnapshotId);
    }
}
