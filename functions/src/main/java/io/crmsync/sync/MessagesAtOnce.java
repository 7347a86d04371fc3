package io.crmsync.sync;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Runs the messages of one SQS batch at once, at most {@code crmsync.sync.messages-at-once} of them, on a pool of
 * daemon threads this bean owns. Funqy's SQS handling turns each message into the {@code Uni} its function returns,
 * subscribes to all of them, waits for all and reports each failed one alone in {@code batchItemFailures}; a function
 * whose work runs when the Uni is subscribed, on this pool, therefore has its batch's messages in flight together
 * instead of one after another.
 * <p>
 * A plain bounded pool rather than a {@code ManagedExecutor}: there is no context to propagate. Funqy ends the
 * invocation's request context as soon as the function returns its Uni, the sync uses no request-scoped bean, and
 * the one per-invocation value, the {@link io.crmsync.limits.CallDeadline}, is handed to the work explicitly. Mutiny's
 * default executor is shared and not bounded by this setting.
 */
@ApplicationScoped
public class MessagesAtOnce {

    private final ExecutorService pool;

    MessagesAtOnce(SyncConfig config) {
        int threads = config.messagesAtOnce();
        if (threads < 1) {
            throw new IllegalArgumentException("crmsync.sync.messages-at-once must be at least 1 (the messages of an"
                    + " SQS batch a sync worker runs at once), was " + threads);
        }
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sync-message-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * {@code work} as a Uni that runs it on the pool when subscribed: its item is the work's result, its failure the
     * work's exception. Messages beyond the pool's size wait for a thread.
     */
    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(pool);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
