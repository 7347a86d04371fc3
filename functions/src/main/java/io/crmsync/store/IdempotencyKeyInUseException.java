package io.crmsync.store;

import java.time.Instant;

/** Another attempt with this key is running and has not timed out yet: try again later (e.g. let SQS redeliver). */
public class IdempotencyKeyInUseException extends RuntimeException {

    private final Instant inProgressUntil;

    public IdempotencyKeyInUseException(String key, Instant inProgressUntil) {
        super("Idempotency key " + key + " is in progress until " + inProgressUntil);
        this.inProgressUntil = inProgressUntil;
    }

    public Instant inProgressUntil() {
        return inProgressUntil;
    }
}
