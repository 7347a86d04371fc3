package io.crmsync.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Independent CRM calls sent at once instead of one after another, on a bounded pool of daemon threads owned by the
 * bean that makes the calls (it closes the pool in its {@code @PreDestroy}). With real latency (a few hundred
 * milliseconds a call) a batch's calls one after another leave most of HubSpot's rate limit unused; at once, under
 * the client's shared pacer, they use it without ever passing it.
 * <p>
 * Written by hand because what is needed is small and specific: the first call runs on the calling thread (a batch of
 * one chunk needs no pool thread at all), the invocation's {@link CallDeadline} is carried to the pool threads, every
 * call is waited for before any failure is thrown (so nothing is still writing when SQS redelivers the message), and
 * answers and the failure thrown follow the calls' order, not the order they finished in. A task must not itself call
 * {@link #all} on the same instance: the pool is bounded, so nested use could wait on itself.
 */
public final class CallsAtOnce implements AutoCloseable {

    private final ExecutorService pool;

    /** @param threads the most calls of this owner running on pool threads at once (the callers' own come on top) */
    public CallsAtOnce(String name, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(name + ": the number of calls at once must be at least 1, was " + threads);
        }
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs every task, the first on this thread and the rest on the pool, and answers their results in task order
     * once all are done. When some fail, the first failing task's exception (in task order) is thrown after the others
     * have finished.
     */
    public <T> List<T> all(List<Supplier<T>> tasks) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        List<Future<T>> later = new ArrayList<>();
        for (Supplier<T> task : tasks.subList(1, tasks.size())) {
            later.add(pool.submit(CallDeadline.carried(task)::get));
        }
        List<Future<T>> all = new ArrayList<>();
        all.add(runHere(tasks.get(0)));
        all.addAll(later);
        return AllCalls.await(all, "CRM calls sent at once");
    }

    /** Two different calls at once; their results in a pair. */
    public <A, B> Both<A, B> both(Supplier<A> first, Supplier<B> second) {
        List<Object> results = all(List.<Supplier<Object>>of(first::get, second::get));
        @SuppressWarnings("unchecked")
        Both<A, B> both = new Both<>((A) results.get(0), (B) results.get(1));
        return both;
    }

    /** The results of {@link #both}. */
    public record Both<A, B>(A first, B second) {
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static <T> Future<T> runHere(Supplier<T> task) {
        CompletableFuture<T> done = new CompletableFuture<>();
        try {
            done.complete(task.get());
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }
}
