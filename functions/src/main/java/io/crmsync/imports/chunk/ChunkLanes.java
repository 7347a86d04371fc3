package io.crmsync.imports.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.crmsync.limits.AllCalls;
import io.crmsync.limits.CallDeadline;

/**
 * Runs one chunk's calls at most {@code lanes} at a time, on threads the process shares. The bound is per chunk, not
 * per process: deployed, each Lambda instance runs one chunk, so a process-wide pool of n would be the same thing;
 * but the local mode and the benchmarks run several chunks in one process, and a shared pool of n made four chunks
 * share the n calls one Lambda instance has to itself. The calls still share the HubSpot client's pacer.
 *
 * <p>Hand-written because no JDK or SmallRye executor bounds concurrency per submitter: each lane takes the next
 * call of this chunk until none is left (so a slow call does not hold back the calls queued behind it). The
 * submitting invocation's {@link CallDeadline} goes with each call, as {@link io.crmsync.limits.CallsAtOnce} carries
 * it: a lane's retries stop before the function's time is up, like the caller's own.
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
    <T> List<Future<T>> submitAll(List<Supplier<T>> tasks) {
        List<CompletableFuture<T>> results = new ArrayList<>();
        List<Supplier<T>> calls = new ArrayList<>();
        for (Supplier<T> task : tasks) {
            results.add(new CompletableFuture<>());
            calls.add(CallDeadline.carried(task));
        }
        AtomicInteger next = new AtomicInteger();
        for (int lane = 0; lane < Math.min(lanes, calls.size()); lane++) {
            threads.execute(() -> {
                for (int i = next.getAndIncrement(); i < calls.size(); i = next.getAndIncrement()) {
                    try {
                        results.get(i).complete(calls.get(i).get());
                    } catch (Throwable e) {
                        results.get(i).completeExceptionally(e);
                    }
                }
            });
        }
        return List.copyOf(results);
    }

    /**
     * Runs the calls as {@link #submitAll} does and answers their results in the calls' order once all are done. When
     * some fail, the first failing call's exception (in call order) is thrown after the others have finished, so no
     * call of the chunk is still running when the chunk fails and SQS delivers it again.
     */
    <T> List<T> all(List<Supplier<T>> calls) {
        return AllCalls.await(submitAll(calls), "a chunk's calls");
    }

    /**
     * Lanes for calls that come up one by one while the chunk runs (a pairing for each upsert batch HubSpot answers),
     * at most {@code lanes} of them running at once: {@link Open#submit} returns at once, so whoever submits (an
     * upsert lane) goes on with its own work instead of waiting for the call.
     */
    <T> Open<T> open() {
        return new Open<>();
    }

    /** See {@link #open}. */
    final class Open<T> {
        private final Semaphore running = new Semaphore(lanes);
        private final List<Future<T>> submitted = new ArrayList<>();

        void submit(Supplier<T> call) {
            Supplier<T> carried = CallDeadline.carried(call);
            CompletableFuture<T> result = new CompletableFuture<>();
            synchronized (submitted) {
                submitted.add(result);
            }
            threads.execute(() -> {
                try {
                    running.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(e);
                    return;
                }
                try {
                    result.complete(carried.get());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                } finally {
                    running.release();
                }
            });
        }

        /** Waits for every call submitted so far; their results in submission order, or the first failure in it. */
        List<T> all() {
            List<Future<T>> calls;
            synchronized (submitted) {
                calls = List.copyOf(submitted);
            }
            return AllCalls.await(calls, "a chunk's calls");
        }
    }

    void shutdown() {
        threads.shutdownNow();
    }
}
