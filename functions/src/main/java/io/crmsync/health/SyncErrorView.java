package io.crmsync.health;

import java.time.Instant;

import io.crmsync.store.SyncError;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One open sync error as Sync Health shows it. {@code id} names the error for {@code POST /sync-errors/retry}:
 * {@code <object>~<hubspotId or ->~<salesforceId or ->~<category>}.
 */
@RegisterForReflection
public record SyncErrorView(String id, String object, String category, String hubspotId, String salesforceId,
        String message, long attempts, Instant firstSeen, Instant lastSeen) {

    static final String SEPARATOR = "~";
    private static final String NONE = "-";

    static SyncErrorView of(SyncError e) {
        return new SyncErrorView(idOf(e.objectType(), e.hubspotId(), e.salesforceId(), e.category()), e.objectType(),
                e.category(), e.hubspotId(), e.salesforceId(), e.message(), e.attempts(), e.firstSeen(), e.lastSeen());
    }

    static String idOf(String object, String hubspotId, String salesforceId, String category) {
        return String.join(SEPARATOR, object, hubspotId == null ? NONE : hubspotId,
                salesforceId == null ? NONE : salesforceId, category);
    }

    /** The parts of an error id, or null when it is not one. */
    static String[] parse(String id) {
        String[] parts = id == null ? new String[0] : id.split(SEPARATOR, -1);
        if (parts.length != 4 || parts[0].isBlank() || parts[3].isBlank() || (NONE.equals(parts[1]) && NONE.equals(parts[2]))) {
            return null;
        }
        for (int i = 1; i <= 2; i++) {
            if (NONE.equals(parts[i])) {
                parts[i] = null;
            }
        }
        return parts;
    }
}
