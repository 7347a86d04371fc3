package io.crmsync.imports;

import java.time.Instant;
import java.util.Map;

import io.crmsync.store.ImportCounters;
import io.crmsync.store.ImportJob;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An import job as the API shows it. Times are ISO-8601 UTC strings; {@code errors} counts records by reason. */
@RegisterForReflection
public record ImportView(String importId, String object, String status, long total, long processed, long created,
        long updated, long skipped, long failed, int percent, String startedAt, String finishedAt,
        String pausedUntil, boolean cancelRequested, String failureReason, Map<String, Long> errors) {

    static ImportView of(ImportJob job, String object) {
        ImportCounters c = job.counters();
        int percent = c.total() == 0 ? (job.status().isFinished() ? 100 : 0)
                : (int) Math.min(100, c.processed() * 100 / c.total());
        return new ImportView(job.id(), object, job.status().name(), c.total(), c.processed(), c.created(),
                c.updated(), c.skipped(), c.failed(), percent, text(job.startedAt()), text(job.finishedAt()),
                text(job.pausedUntil()), job.cancelRequested(), job.failureReason(), job.errors());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
