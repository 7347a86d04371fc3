package io.crmsync.hubspot.model;

import java.util.List;
import java.util.Map;

/** A per-input error of a batch call (207 answers): e.g. {@code OBJECT_NOT_FOUND} for the listed ids. */
public record BatchError(String category, String message, List<String> ids, Map<String, List<String>> context) {

    public BatchError {
        ids = List.copyOf(ids);
        context = Map.copyOf(context);
    }
}
