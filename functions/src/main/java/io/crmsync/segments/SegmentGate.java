package io.crmsync.segments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.store.SegmentSnapshot;
import io.crmsync.store.SegmentSnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a HubSpot record may sync under its object's inclusion segment, judged by the snapshot its batch names (the
 * poller takes it after reading the changes it fans out), else by the segment's current snapshot. No segment: everything syncs. A segment without a snapshot
 * yet: nothing does, until the first poll has looked.
 *
 * <p>What a user asks for (a resync, an import's follow-up) is judged by membership as HubSpot has it now instead:
 * {@link #isMemberNow} for one record, {@link #pinCurrentMembers} for records queued in batches, whose worker then
 * judges them by {@link #eligibilityAsOf} that pinned snapshot. Otherwise a DYNAMIC list made a moment ago, or
 * records that joined it since the last poll, would not sync until the next poll.
 */
@ApplicationScoped
public class SegmentGate {

    private static final Logger LOG = Logger.getLogger(SegmentGate.class);
    /** A pinned snapshot only needs to outlive the batches that name it, including their SQS retries. */
    private static final Duration PINNED_RETENTION = Duration.ofDays(4);
    private static final Map<String, String> TYPE_IDS = Map.of("contact", "0-1", "company", "0-2", "deal", "0-3",
            "ticket", "0-5");

    private final InclusionSegmentSettings segments;
    private final SegmentSnapshotRepository snapshots;
    private final HubSpotClient hubspot;
    private final Clock clock;

    SegmentGate(InclusionSegmentSettings segments, SegmentSnapshotRepository snapshots, HubSpotClient hubspot,
            Clock clock) {
        this.segments = segments;
        this.snapshots = snapshots;
        this.hubspot = hubspot;
        this.clock = clock;
    }

    /**
     * Membership as of a snapshot. A record changed less than {@code settle} before the snapshot was taken may not
     * have been re-evaluated by HubSpot yet (its change may take it out of the segment): it is not eligible until a
     * later snapshot. This closes the race HubSpot documents, where such an update syncs before re-evaluation.
     */
    public record Eligibility(Optional<Set<String>> members, Instant settledBefore) {

        public boolean isMember(String hubspotId) {
            return members.map(m -> m.contains(hubspotId)).orElse(true);
        }

        public boolean allows(String hubspotId, Instant hubspotModifiedAt) {
            if (members.isEmpty()) {
                return true;
            }
            return members.get().contains(hubspotId)
                    && (hubspotModifiedAt == null || !hubspotModifiedAt.isAfter(settledBefore));
        }
    }

    public Eligibility eligibility(String object, Duration settle) {
        var segment = segments.find(object);
        if (segment.isEmpty()) {
            return new Eligibility(Optional.empty(), Instant.MAX);
        }
        var snapshot = snapshots.current(object, segment.get().listId());
        return new Eligibility(Optional.of(snapshot.map(SegmentSnapshot::members).orElse(Set.of())),
                snapshot.map(s -> s.takenAt().minus(settle)).orElse(Instant.MIN));
    }

    /** Whether the record is in its object's inclusion segment now (one HubSpot call; no call without a segment). */
    public boolean isMemberNow(String object, String hubspotId) {
        var segment = segments.find(object);
        return segment.isEmpty()
                || hubspot.lists().listsOf(typeIdOf(object), hubspotId).contains(segment.get().listId());
    }

    /**
     * Stores which of {@code candidates} are in the object's inclusion segment now, for the batches about to be
     * queued; empty when the object has no segment (everything syncs). The caller has just read the members of list
     * {@code listIdRead}: when that list is the segment they are used, else the segment's members are read.
     */
    public Optional<String> pinCurrentMembers(String object, Collection<String> candidates, String listIdRead,
            Collection<String> membersRead) {
        var segment = segments.find(object);
        if (segment.isEmpty()) {
            return Optional.empty();
        }
        Collection<String> membersNow = segment.get().listId().equals(listIdRead) ? membersRead
                : hubspot.lists().allMembers(segment.get().listId());
        Set<String> pinned = new HashSet<>(candidates);
        pinned.retainAll(membersNow instanceof Set<?> ? membersNow : new HashSet<>(membersNow));
        String id = "pin-" + UUID.randomUUID();
        snapshots.save(new SegmentSnapshot(id, object, segment.get().listId(), clock.instant(), pinned),
                PINNED_RETENTION);
        return Optional.of(id);
    }

    /**
     * Membership as of the snapshot a batch names (read by its id, strongly consistent), whatever snapshot is the
     * segment's current one by the time the batch runs. A snapshot a user's request pinned ({@code askedFor}: a
     * resync, an import's follow-up) is judged without the settle wait (the records were checked after they changed);
     * one a poll took, as the poll judged it. A snapshot that is gone (older than its retention) falls back to the
     * current one.
     */
    public Eligibility eligibilityAsOf(String object, String snapshotId, Duration settle, boolean askedFor) {
        var segment = segments.find(object);
        if (segment.isEmpty()) {
            return new Eligibility(Optional.empty(), Instant.MAX);
        }
        Optional<SegmentSnapshot> named = snapshots.find(snapshotId);
        // The user may have chosen another segment since: what was read is no longer the question.
        if (named.isEmpty() || !named.get().segmentId().equals(segment.get().listId())) {
            LOG.warnf("Segment snapshot %s is gone; judging %s membership by the current snapshot", snapshotId, object);
            return eligibility(object, settle);
        }
        return new Eligibility(Optional.of(named.get().members()),
                askedFor ? Instant.MAX : named.get().takenAt().minus(settle));
    }

    static String typeIdOf(String object) {
        return TYPE_IDS.getOrDefault(object, object);
    }
}
