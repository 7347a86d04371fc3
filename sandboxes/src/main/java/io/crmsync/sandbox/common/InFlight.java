package io.crmsync.sandbox.common;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many requests a sandbox is serving at once, and the most it served at once since the last {@link #resetPeak()}:
 * what tests read to see that a client's calls really overlap. Thread-safe.
 */
public final class InFlight {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    public void started() {
        int now = current.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    public void ended() {
        current.decrementAndGet();
    }

    public int current() {
        return current.get();
    }

    public int peak() {
        return peak.get();
    }

    public void resetPeak() {
        peak.set(current.get());
    }
}
