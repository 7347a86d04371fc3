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
 * Takes a new snapshot of an inclusion segment and compares it with the current one. The poller calls it after it
 * has read the changes, so eligibility is decided against membership that is at least as new as those changes.
 *
 * <p>Two steps, so that no joiner is lost: {@link #refresh} stores the new snapshot beside the current one; the
 * caller queues the joiners (their batches name the new snapshot), and only then {@link #makeCurrent} makes it the
 * one the next refresh compares with. A caller that dies in between leaves the current snapshot as it was, and the
 * next refresh finds the same joiners again (syncing a record twice is harmless; losing it is not).
 */
@ApplicationScoped
public class SegmentRefresher {

    /**
     * Replaced snapshots (and new ones a poll died before making current) are kept a day, for batches still in
     * flight that name them and for diagnosis; the current one is kept until it is replaced.
     */
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
        Optional<SegmentSnapshot> previous = snapshots.current(object, listId);
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

    /** After the joiners of {@code refresh} were queued: the next refresh compares with its snapshot. */
    public void makeCurrent(Refresh refresh, Instant now) {
        snapshots.makeCurrent(refresh.snapshot(), RETENTION, now);
    }
}
