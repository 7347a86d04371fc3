package io.crmsync.store;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A record that failed to sync, once per object, record pair and category. Repeats bump {@code attempts} and
 * {@code lastSeen}. Either id may be null (e.g. the Salesforce record was never created). Resolved errors leave the
 * open list and expire at {@code expiresAt}.
 */
@RegisterForReflection
public record SyncError(String objectType, String hubspotId, String salesforceId, String category, String message,
        long attempts, Instant firstSeen, Instant lastSeen, boolean resolved, Instant resolvedAt, Instant expiresAt) {
}
