package io.crmsync.segments;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import io.crmsync.store.SegmentSnapshot;
import io.crmsync.store.SegmentSnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether a HubSpot record may sync under its object's inclusion segment, judged by the latest stored snapshot (the
 * poller takes it after reading the changes it fans out). No segment: everything syncs. A segment without a snapshot
 * yet: nothing does, until the first poll has looked.
 */
@ApplicationScoped
public class SegmentGate {

    private final InclusionSegmentSettings segments;
    private final SegmentSnapshotRepository snapshots;

    SegmentGate(InclusionSegmentSettings segments, SegmentSnapshotRepository snapshots) {
        this.segments = segments;
        this.snapshots = snapshots;
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
        var snapshot = snapshots.latest(object, segment.get().listId());
        return new Eligibility(Optional.of(snapshot.map(SegmentSnapshot::members).orElse(Set.of())),
                snapshot.map(s -> s.takenAt().minus(settle)).orElse(Instant.MIN));
    }
}
