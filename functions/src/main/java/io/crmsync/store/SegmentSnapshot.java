package io.crmsync.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The member record ids of an inclusion segment (a HubSpot list or a Salesforce query) at {@code takenAt}. */
@RegisterForReflection
public record SegmentSnapshot(String snapshotId, String objectType, String segmentId, Instant takenAt,
        Set<String> members) {

    public SegmentSnapshot {
        StoreKeys.requireId(snapshotId, "snapshotId");
        StoreKeys.requireId(objectType, "objectType");
        StoreKeys.requireId(segmentId, "segmentId");
        Objects.requireNonNull(takenAt, "takenAt");
        members = Set.copyOf(members);
        for (String member : members) {
            if (member.isEmpty()) {
                throw new IllegalArgumentException("Segment " + segmentId + " has an empty member id");
            }
        }
    }
}
