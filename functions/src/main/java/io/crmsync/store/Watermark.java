package io.crmsync.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How far polling of one object on one side has read: records modified at {@code modifiedAt} with an id up to
 * {@code lastId} are done. The id breaks ties among records sharing a timestamp (polling with {@code >} alone loses
 * them; see supaglue #532).
 *
 * <p>With {@code catchUp} present the position is a checkpoint inside a read that did not reach the end in one run (a
 * mass update): the next poll resumes strictly after it (keyset), with no lookback, instead of reading from
 * {@code modifiedAt} minus the lookback again.
 */
@RegisterForReflection
public record Watermark(String objectType, CrmSide side, Instant modifiedAt, String lastId, Instant updatedAt,
        CatchUp catchUp) {

    /**
     * A read in progress: {@code readSoFar} changes read and queued since it began at {@code since}; {@code progressAt}
     * is when the checkpoint last moved forward.
     */
    @RegisterForReflection
    public record CatchUp(Instant since, long readSoFar, Instant progressAt) {
        public CatchUp {
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(progressAt, "progressAt");
        }
    }

    public Watermark {
        StoreKeys.requireId(objectType, "objectType");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        lastId = lastId == null || lastId.isEmpty() ? StoreKeys.NONE : lastId;
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A watermark after a read that reached the end. */
    public Watermark(String objectType, CrmSide side, Instant modifiedAt, String lastId, Instant updatedAt) {
        this(objectType, side, modifiedAt, lastId, updatedAt, null);
    }

    public Optional<CatchUp> catchingUp() {
        return Optional.ofNullable(catchUp);
    }

    /** The id of the last record read at {@code modifiedAt}, if the position names one. */
    public Optional<String> lastRecordId() {
        return StoreKeys.NONE.equals(lastId) ? Optional.empty() : Optional.of(lastId);
    }
}
