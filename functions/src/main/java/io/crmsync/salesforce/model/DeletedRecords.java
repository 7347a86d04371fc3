package io.crmsync.salesforce.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * getDeleted: records deleted in the window. When {@code earliestDateAvailable} is after the window start, some
 * deletions are gone from the log and a full resync is the only way to find them.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeletedRecords(List<Deleted> deletedRecords, String earliestDateAvailable, String latestDateCovered) {

    public DeletedRecords {
        deletedRecords = deletedRecords == null ? List.of() : List.copyOf(deletedRecords);
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Deleted(String id, String deletedDate) {
    }
}
