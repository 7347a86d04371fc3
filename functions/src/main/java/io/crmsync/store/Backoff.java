package io.crmsync.store;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits before re-sending the unprocessed part of a batch call. Not an exception path (DynamoDB returns the
 * leftovers in a successful response), so a Fault Tolerance Guard does not fit; AWS asks for exponential backoff
 * with jitter here.
 */
final class Backoff {

    static final int MAX_ATTEMPTS = 10;

    private Backoff() {
    }

    static void pause(int attempt, String what) {
        if (attempt > MAX_ATTEMPTS) {
            throw new IllegalStateException(what + ": still unprocessed after " + MAX_ATTEMPTS + " retries (throttled)");
        }
        long ceiling = Math.min(2_000, 25L << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + ": interrupted while backing off", e);
        }
    }
}
