package io.crmsync.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Samples a benchmark's HubSpot calls once a second while it runs: the calls sent that second, the requests the
 * sandbox was serving and the calls waiting at the client's pacer at the sample. A run's ratio says how far from the
 * ceiling it was; this says when and why: a slow start, seconds without a call because the window was full (calls
 * waiting) or because none was ready (none waiting), or a long tail.
 */
final class CallTimeline implements AutoCloseable {

    private final LongSupplier calls;
    private final LongSupplier inFlight;
    private final LongSupplier waiting;
    private final List<long[]> samples = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    CallTimeline(LongSupplier calls, LongSupplier inFlight, LongSupplier waiting) {
        this.calls = calls;
        this.inFlight = inFlight;
        this.waiting = waiting;
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
                samples.add(new long[] {now - last, inFlight.getAsLong(), waiting.getAsLong()});
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

    /** Calls per second, in flight and waiting at the pacer at each sample, second by second. */
    @Override
    public String toString() {
        synchronized (samples) {
            return "HubSpot calls per second " + column(0) + "; in flight at each second " + column(1)
                    + "; waiting at the pacer at each second " + column(2);
        }
    }

    private String column(int i) {
        return samples.stream().map(s -> Long.toString(s[i])).collect(Collectors.joining(" "));
    }
}
