package io.crmsync.limits;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for calls sent at once, the one way every caller of them needs: every call is waited for before any failure
 * is thrown (so nothing is still writing when SQS delivers the message again), and the answers and the failure thrown
 * follow the calls' order, not the order they finished in. Shared by {@link CallsAtOnce}, the import chunk's lanes
 * and the sync's pairing saves.
 */
public final class AllCalls {

    private AllCalls() {
    }

    /**
     * The calls' results in their order once all are done; when some failed, the first failing call's exception (in
     * call order) after the others have finished. Interrupted, it cancels the calls still running.
     *
     * @param what the calls, for the message of an interruption or of a failure that is no RuntimeException
     */
    public static <T> List<T> await(List<? extends Future<T>> calls, String what) {
        List<T> results = new ArrayList<>();
        RuntimeException failed = null;
        for (Future<T> call : calls) {
            try {
                results.add(call.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                calls.forEach(c -> c.cancel(true));
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            } catch (ExecutionException e) {
                if (failed == null) {
                    failed = e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException(what + " failed", e.getCause());
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return results;
    }
}
