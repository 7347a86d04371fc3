package io.crmsync.store;

import java.util.HashSet;
import java.util.Set;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Who joined ({@code entered}) and who dropped out of ({@code left}) a segment between two snapshots. */
@RegisterForReflection
public record SnapshotDiff(Set<String> entered, Set<String> left) {

    public SnapshotDiff {
        entered = Set.copyOf(entered);
        left = Set.copyOf(left);
    }

    public static SnapshotDiff between(SegmentSnapshot older, SegmentSnapshot newer) {
        if (!older.segmentId().equals(newer.segmentId()) || !older.objectType().equals(newer.objectType())) {
            throw new IllegalArgumentException("Snapshots " + older.snapshotId() + " and " + newer.snapshotId()
                    + " belong to different segments");
        }
        Set<String> entered = new HashSet<>(newer.members());
        entered.removeAll(older.members());
        Set<String> left = new HashSet<>(older.members());
        left.removeAll(newer.members());
        return new SnapshotDiff(entered, left);
    }

    public boolean isEmpty() {
        return entered.isEmpty() && left.isEmpty();
    }
}
