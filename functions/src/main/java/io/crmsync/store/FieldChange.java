package io.crmsync.store;

import java.time.Instant;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One entry of a pairing's recent history: what the sync did to a field, or chose not to do ({@code note} such as
 * "conflict lost"). Values are cut to {@link #MAX_VALUE_LENGTH} characters: history is for people reading it, and a
 * pairing item must stay far below DynamoDB's 400 KB limit.
 */
@RegisterForReflection
public record FieldChange(Instant at, String field, String oldValue, String newValue, SyncDirection direction,
        String note) {

    public static final int MAX_VALUE_LENGTH = 500;

    public FieldChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
        oldValue = cut(oldValue);
        newValue = cut(newValue);
    }

    private static String cut(String value) {
        return value == null || value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH) + "…";
    }
}
