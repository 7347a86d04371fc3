package io.crmsync.salesforce.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** getUpdated: Ids changed in the window; restart the next window at {@code latestDateCovered}. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpdatedIds(List<String> ids, String latestDateCovered) {

    public UpdatedIds {
        ids = ids == null ? List.of() : List.copyOf(ids);
    }
}
