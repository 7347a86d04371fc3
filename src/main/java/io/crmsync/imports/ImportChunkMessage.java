package io.crmsync.imports;

import static io.crmsync.queue.InvalidMessageException.require;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of an import: the records of job {@code importId} whose Salesforce Id sorts after {@code afterId}
 * (null for the first page). Keyset paging keeps every message self-contained: no query locator to expire.
 */
@RegisterForReflection
public record ImportChunkMessage(String importId, int page, String afterId) {

    public ImportChunkMessage validate() {
        require(importId != null && !importId.isBlank(), "importChunk message has no importId");
        require(page >= 1, "importChunk message for import " + importId + " has page " + page + "; pages start at 1");
        return this;
    }
}
