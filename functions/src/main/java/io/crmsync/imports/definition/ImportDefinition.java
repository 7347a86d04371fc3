package io.crmsync.imports.definition;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a user asks to import: an object (see {@link ImportableObject}), filters, and for campaigns and custom objects
 * which one. Stored verbatim on the job, so every chunk worker rebuilds the same query from it.
 */
@RegisterForReflection
public record ImportDefinition(String object, List<ImportFilter> filters, String campaignId, String customObject,
        boolean syncToInclusionSegment) {

    public ImportDefinition {
        filters = filters == null ? List.of() : List.copyOf(filters);
    }
}
