package io.crmsync.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time by which the current invocation must have finished its CRM calls. Lambda kills a function at its timeout
 * mid-write, with no chance to record what it did; a call whose retries stop at the deadline instead fails cleanly and
 * SQS redelivers the message. Kept per thread because the transports are shared by every invocation of an instance;
 * no library tracks a Lambda deadline for SmallRye Fault Tolerance, whose maxDuration is fixed at build time.
 */
public final class CallDeadline {

    private static final ThreadLocal<Instant> DEADLINE = new ThreadLocal<>();

    private CallDeadline() {
    }

    /** Runs {@code work} with CRM calls (retries included) bounded by {@code deadline}. */
    public static <T> T until(Instant deadline, Supplier<T> work) {
        Instant outer = DEADLINE.get();
        DEADLINE.set(outer != null && outer.isBefore(deadline) ? outer : deadline);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    public static void until(Instant deadline, Runnable work) {
        until(deadline, () -> {
            work.run();
            return null;
        });
    }

    /**
     * {@code work} bound to this thread's deadline (if any), to run on another thread: a call sent from a pool thread
     * on behalf of this invocation must stop its retries at the same deadline.
     */
    public static <T> Supplier<T> carried(Supplier<T> work) {
        Instant deadline = DEADLINE.get();
        return deadline == null ? work : () -> until(deadline, work);
    }

    /** Time left, if this thread runs under a deadline. */
    public static Optional<Duration> remaining() {
        Instant deadline = DEADLINE.get();
        return deadline == null ? Optional.empty() : Optional.of(Duration.between(Instant.now(), deadline));
    }

    /** @throws CallDeadlineExceededException when the deadline has passed: no further attempt may start */
    public static void requireTimeLeft(String call) {
        remaining().filter(left -> left.isNegative() || left.isZero()).ifPresent(left -> {
            throw new CallDeadlineExceededException(call);
        });
    }

    /** {@code delayMillis}, cut to the time left, so a backoff never sleeps past the deadline. */
    public static long clampDelay(long delayMillis) {
        return remaining().map(left -> Math.max(0, Math.min(delayMillis, left.toMillis()))).orElse(delayMillis);
    }
}
