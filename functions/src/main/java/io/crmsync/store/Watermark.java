package io.crmsync.store;

import java.time.Instant;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How far polling of one object on one side has read: records modified at {@code modifiedAt} with an id up to
 * {@code lastId} are done. The id breaks ties among records sharing a timestamp (polling with {@code >} alone loses
 * them; see supaglue #532).
 */
@RegisterForReflection
public record Watermark(String objectType, CrmSide side, Instant modifiedAt, String lastId, Instant updatedAt) {

    public Watermark {
        StoreKeys.requireId(objectType, "objectType");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(modifiedAt, "modifiedAt");
        lastId = lastId == null || lastId.isEmpty() ? StoreKeys.NONE : lastId;
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
