package io.crmsync.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/** Waiting for what the queues, the poller and the CRMs do in their own time. */
public final class Eventually {

    private Eventually() {
    }

    /** The value once {@code probe} answers one, checked every 250 ms for up to 60 s. */
    public static <T> T eventually(Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("Not reached within 60 s");
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
