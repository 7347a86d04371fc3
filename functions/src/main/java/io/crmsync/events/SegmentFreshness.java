package io.crmsync.events;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.store.SegmentSnapshot;
import io.crmsync.store.SegmentSnapshotRepository;
import io.crmsync.sync.SyncBatchMessage.RecordRef;
import io.crmsync.sync.poll.SegmentRefresher;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The sync worker decides eligibility by the latest inclusion-segment snapshot, which the poll takes every 15
 * minutes; event-driven work needs one at most {@code crmsync.events.segment-max-age} old (none at all before the
 * first poll would hold every event back). Records that entered the segment in the refresh are returned for
 * syncing, as the poll syncs them, since the poll's own next refresh no longer sees them enter.
 */
@ApplicationScoped
public class SegmentFreshness {

    private final InclusionSegmentSettings segments;
    private final SegmentSnapshotRepository snapshots;
    private final SegmentRefresher refresher;
    private final EventsConfig config;
    private final Clock clock;

    SegmentFreshness(InclusionSegmentSettings segments, SegmentSnapshotRepository snapshots,
            SegmentRefresher refresher, EventsConfig config, Clock clock) {
        this.segments = segments;
        this.snapshots = snapshots;
        this.refresher = refresher;
        this.config = config;
        this.clock = clock;
    }

    /**
     * A new snapshot when the current one is stale (empty when it is fresh): the caller queues its joiners
     * ({@link SegmentRefresher.Refresh#entered}) in batches naming it, then calls {@link #makeCurrent}.
     */
    public Optional<SegmentRefresher.Refresh> refreshIfStale(String object) {
        var segment = segments.find(object).filter(s -> s.listId() != null);
        if (segment.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Instant latest = snapshots.current(object, segment.get().listId()).map(SegmentSnapshot::takenAt)
                .orElse(Instant.MIN);
        if (!latest.isBefore(now.minus(config.segmentMaxAge()))) {
            return Optional.empty();
        }
        return Optional.of(refresher.refresh(object, segment.get().listId(), "events-" + UUID.randomUUID(), now));
    }

    /** After the refresh's joiners were queued. */
    public void makeCurrent(SegmentRefresher.Refresh refresh) {
        refresher.makeCurrent(refresh, clock.instant());
    }

    public static List<RecordRef> joiners(SegmentRefresher.Refresh refresh) {
        return refresh.entered().stream().map(id -> new RecordRef(id, null)).toList();
    }
}
