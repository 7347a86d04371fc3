package io.crmsync.sync.poll;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one change read begins: at or after {@code at} (a watermark moved back by the lookback), or strictly after a
 * checkpoint {@code (at, afterId)} in keyset order (timestamp, then id), so a resumed read repeats no record. A
 * checkpoint without an id means every record modified at or before {@code at} was read.
 */
public record ReadStart(Instant at, boolean inclusive, Optional<String> afterId) {

    public ReadStart {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(afterId, "afterId");
    }

    public static ReadStart since(Instant at) {
        return new ReadStart(at, true, Optional.empty());
    }

    public static ReadStart after(Instant at, Optional<String> afterId) {
        return new ReadStart(at, false, afterId);
    }
}
