package io.crmsync.store;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of a listing. {@code cursor} is opaque (base64url); pass it back to get the next page. Empty when there
 * are no more items. A page may hold fewer items than asked for even when a cursor follows (DynamoDB pages by size).
 */
@RegisterForReflection
public record Page<T>(List<T> items, Optional<String> cursor) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean hasMore() {
        return cursor.isPresent();
    }
}
