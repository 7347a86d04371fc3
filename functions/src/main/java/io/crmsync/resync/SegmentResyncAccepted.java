package io.crmsync.resync;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code 202} answer of {@code POST /segments/{listId}/resync}. */
@RegisterForReflection
public record SegmentResyncAccepted(String resyncId, String object, long members, long batches,
        long estimatedSalesforceCalls, long estimatedHubSpotCalls) {
}
