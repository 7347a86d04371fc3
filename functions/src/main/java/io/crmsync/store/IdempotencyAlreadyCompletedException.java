package io.crmsync.store;

import java.util.Optional;

/** The work for this key was done before: skip it and reuse {@link #result()} if the caller stored one. */
public class IdempotencyAlreadyCompletedException extends RuntimeException {

    private final transient Optional<String> result;

    public IdempotencyAlreadyCompletedException(String key, Optional<String> result) {
        super("Idempotency key " + key + " was already completed");
        this.result = result;
    }

    public Optional<String> result() {
        return result;
    }
}
