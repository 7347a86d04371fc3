package io.crmsync.imports.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one chunk's calls at most {@code lanes} at a time, on threads the process shares. The bound is per chunk, not
 * per process: deployed, each Lambda instance runs one chunk, so a process-wide pool of n would be the same thing;
 * but the local mode and the benchmarks run several chunks in one process, and a shared pool of n made four chunks
 * share the n calls one Lambda instance has to itself. The calls still share the HubSpot client's pacer.
 *
 * <p>Hand-written because no JDK or SmallRye executor bounds concurrency per submitter: each lane takes the next
 * call of this chunk until none is left (so a slow call does not hold back the calls queued behind it).
 */
final class ChunkLanes {

    private final ExecutorService threads;
    private final int lanes;

    ChunkLanes(String threadName, int lanes) {
        this.lanes = Math.max(1, lanes);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the calls, at most {@code lanes} at once; the futures are in the calls' order. */
    <T> List<Future<T>> submitAll(List<Callable<T>> calls) {
        List<CompletableFuture<T>> results = new ArrayList<>();
        calls.forEach(c -> results.add(new CompletableFuture<>()));
        AtomicInteger next = new AtomicInteger();
        for (int lane = 0; lane < Math.min(lanes, calls.size()); lane++) {
            threads.execute(() -> {
                for (int i = next.getAndIncrement(); i < calls.size(); i = next.getAndIncrement()) {
                    try {
                        results.get(i).complete(calls.get(i).call());
                    } catch (Throwable e) {
                        results.get(i).completeExceptionally(e);
                    }
                }
            });
        }
        return List.copyOf(results);
    }

    void shutdown() {
        threads.shutdownNow();
    }
}
