package io.crmsync.sync;

import java.time.Instant;
import java.util.List;

import io.crmsync.store.Watermark;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** What one poll did, per object: returned to Lambda so the invocation log tells the story. */
@RegisterForReflection
public record PollSummary(Instant firedAt, List<ObjectResult> objects) {

    /**
     * {@code error} says why an object's poll FAILED (null otherwise). {@code catchingUp}: the reads of the object
     * that did not reach the end in this run (outcome {@code CATCHING_UP}); the next poll resumes them.
     */
    @RegisterForReflection
    public record ObjectResult(String object, String outcome, int changesFound, int batchesQueued, String error,
            List<CatchUpProgress> catchingUp) {

        public ObjectResult {
            catchingUp = catchingUp == null ? List.of() : List.copyOf(catchingUp);
        }

        public ObjectResult(String object, String outcome, int changesFound, int batchesQueued) {
            this(object, outcome, changesFound, batchesQueued, null, List.of());
        }

        public ObjectResult(String object, String outcome, int changesFound, int batchesQueued, String error) {
            this(object, outcome, changesFound, batchesQueued, error, List.of());
        }

        public static ObjectResult failed(String object, RuntimeException cause) {
            return new ObjectResult(object, "FAILED", 0, 0, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        }
    }

    /**
     * A read in progress: {@code read} is the watermark's key ({@code contact.Lead}, {@code contact}) and side;
     * {@code readSoFar} changes queued since {@code since}; the next poll resumes after {@code checkpoint}.
     */
    @RegisterForReflection
    public record CatchUpProgress(String read, String side, long readSoFar, Instant since, Instant checkpoint,
            Instant progressAt) {

        public static CatchUpProgress of(Watermark w) {
            Watermark.CatchUp c = w.catchingUp().orElseThrow();
            return new CatchUpProgress(w.objectType(), w.side().name(), c.readSoFar(), c.since(), w.modifiedAt(),
                    c.progressAt());
        }
    }
}
