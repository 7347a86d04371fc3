package io.crmsync.segments;

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

    /** The members allowed to sync, or empty when the object has no segment (all may). */
    public Optional<Set<String>> members(String object) {
        return segments.find(object).map(segment -> snapshots.latest(object, segment.listId())
                .map(SegmentSnapshot::members).orElse(Set.of()));
    }
}
