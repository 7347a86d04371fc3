package io.crmsync.store;

import java.time.Instant;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An import job as stored. {@code definitionJson} is the import request as submitted (which objects, filters,
 * mappings); the store keeps it verbatim. {@code errors} counts failed records by error category.
 */
@RegisterForReflection
public record ImportJob(String id, ImportStatus status, String definitionJson, ImportCounters counters,
        Map<String, Long> errors, Instant createdAt, Instant startedAt, Instant finishedAt, Instant pausedUntil,
        boolean cancelRequested, String failureReason) {

    public ImportJob {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }
}
