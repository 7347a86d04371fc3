package io.crmsync.sync.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.store.SegmentSnapshot;
import io.crmsync.store.SegmentSnapshotRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Takes a new snapshot of an inclusion segment and compares it with the previous one. The poller calls it after it
 * has read the changes, so eligibility is decided against membership that is at least as new as those changes.
 */
@ApplicationScoped
public class SegmentRefresher {

    /** Old snapshots are kept a day for diagnosis; the latest is all the sync needs. */
    private static final Duration RETENTION = Duration.ofDays(1);

    private final HubSpotClient hubspot;
    private final SegmentSnapshotRepository snapshots;

    SegmentRefresher(HubSpotClient hubspot, SegmentSnapshotRepository snapshots) {
        this.hubspot = hubspot;
        this.snapshots = snapshots;
    }

    public record Refresh(SegmentSnapshot snapshot, Set<String> entered, Set<String> left) {
    }

    public Refresh refresh(String object, String listId, String snapshotId, Instant takenAt) {
        Optional<SegmentSnapshot> previous = snapshots.latest(object, listId);
        Set<String> members = new LinkedHashSet<>(hubspot.lists().allMembers(listId));
        SegmentSnapshot snapshot = new SegmentSnapshot(snapshotId, object, listId, takenAt, members);
        snapshots.save(snapshot, RETENTION);
        Set<String> before = previous.map(SegmentSnapshot::members).orElse(Set.of());
        Set<String> entered = new HashSet<>(members);
        entered.removeAll(before);
        Set<String> left = new HashSet<>(before);
        left.removeAll(members);
        return new Refresh(snapshot, entered, left);
    }
}
