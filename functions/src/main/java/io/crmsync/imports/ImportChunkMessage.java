package io.crmsync.imports;

import static io.crmsync.queue.InvalidMessageException.require;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of an import: the records of job {@code importId}, phase {@code phase} (leads and contacts together run
 * Lead then Contact), whose Salesforce Id sorts after {@code afterId} (null for the first page). Keyset paging keeps
 * every message self-contained: no query locator to expire.
 */
@RegisterForReflection
public record ImportChunkMessage(String importId, int phase, int page, String afterId) {

    public static ImportChunkMessage first(String importId) {
        return new ImportChunkMessage(importId, 0, 1, null);
    }

    public ImportChunkMessage validate() {
        require(importId != null && !importId.isBlank(), "importChunk message has no importId");
        require(page >= 1, "importChunk message for import " + importId + " has page " + page + "; pages start at 1");
        require(phase >= 0, "importChunk message for import " + importId + " has phase " + phase);
        return this;
    }

    /** Names this page in chunk markers and idempotency keys: the same page always gets the same id. */
    public String chunkId() {
        return "p" + phase + "-" + page;
    }

    /** What every page of this page's phase has its chunk id start with. */
    public String phaseChunkPrefix() {
        return "p" + phase + "-";
    }

    public ImportChunkMessage next(String lastId) {
        return new ImportChunkMessage(importId, phase, page + 1, lastId);
    }

    public ImportChunkMessage nextPhase() {
        return new ImportChunkMessage(importId, phase + 1, 1, null);
    }
}
