package io.crmsync.store;

import java.time.Instant;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The stored state of one idempotency key. {@code expiresAt} is DynamoDB's TTL (whole seconds);
 * {@code inProgressUntil} is when an unfinished attempt counts as crashed (millisecond precision).
 */
@RegisterForReflection
public record IdempotencyRecord(String key, Status status, Instant expiresAt, Instant inProgressUntil,
        Optional<String> result) {

    public enum Status {
        IN_PROGRESS,
        COMPLETED
    }
}
