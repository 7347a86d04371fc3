package io.crmsync.hubspot.model;

import java.util.List;

/** Everything a (chunked) batch call produced: the results and the per-input errors of every chunk. */
public record BatchResult<T>(List<T> results, List<BatchError> errors) {

    public BatchResult {
        results = List.copyOf(results);
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
