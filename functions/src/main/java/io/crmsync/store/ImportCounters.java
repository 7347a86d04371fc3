package io.crmsync.store;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Record counts of an import job, or the increments one chunk contributes. */
@RegisterForReflection
public record ImportCounters(long total, long processed, long created, long updated, long skipped, long failed) {

    public static final ImportCounters ZERO = new ImportCounters(0, 0, 0, 0, 0, 0);

    public ImportCounters {
        if (total < 0 || processed < 0 || created < 0 || updated < 0 || skipped < 0 || failed < 0) {
            throw new IllegalArgumentException("Import counters cannot be negative");
        }
    }

    /** What one chunk did: every record it processed was created, updated, skipped or failed. */
    public static ImportCounters chunk(long created, long updated, long skipped, long failed) {
        return new ImportCounters(0, created + updated + skipped + failed, created, updated, skipped, failed);
    }
}
