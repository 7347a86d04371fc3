package io.crmsync.sync;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What one poll did, per object: returned to Lambda so the invocation log tells the story. */
@RegisterForReflection
public record PollSummary(Instant firedAt, List<ObjectResult> objects) {

    /** {@code error} says why an object's poll FAILED (null otherwise). */
    @RegisterForReflection
    public record ObjectResult(String object, String outcome, int changesFound, int batchesQueued, String error) {

        public ObjectResult(String object, String outcome, int changesFound, int batchesQueued) {
            this(object, outcome, changesFound, batchesQueued, null);
        }

        public static ObjectResult failed(String object, RuntimeException cause) {
            return new ObjectResult(object, "FAILED", 0, 0, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }
}
