package io.crmsync.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Samples a benchmark's HubSpot calls once a second while it runs: the calls sent that second and the requests the
 * sandbox was serving at the sample. A run's ratio says how far from the ceiling it was; this says when: a slow
 * start, a stall every window, or a long tail.
 */
final class CallTimeline implements AutoCloseable {

    private final LongSupplier calls;
    private final LongSupplier inFlight;
    private final List<long[]> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    CallTimeline(LongSupplier calls, LongSupplier inFlight) {
        this.calls = calls;
        this.inFlight = inFlight;
        this.sampler = new Thread(this::sample, "call-timeline");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    private void sample() {
        long last = calls.getAsLong();
        long next = System.nanoTime();
        while (running) {
            next += 1_000_000_000L;
            try {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                return;
            }
            long now = calls.getAsLong();
            synchronized (samples) {
                samples.add(new long[] {now - last, inFlight.getAsLong()});
            }
            last = now;
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Calls per second, and in flight at each sample, second by second. */
    @Override
    public String toString() {
        synchronized (samples) {
            return "HubSpot calls per second " + samples.stream().map(s -> Long.toString(s[0]))
                    .collect(Collectors.joining(" ")) + "; in flight at each second "
                    + samples.stream().map(s -> Long.toString(s[1])).collect(Collectors.joining(" "));
        }
    }
}
