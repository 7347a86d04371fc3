package io.crmsync.imports;

import static io.crmsync.queue.InvalidMessageException.require;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of an import: the records of job {@code importId}, phase {@code phase} (leads and contacts together run
 * Lead then Contact), whose Salesforce Id sorts after {@code afterId} (null for the first page) and, in a phase split
 * into {@code chains} Id ranges read at once, up to {@code upToId} (null: to the last record). Pages are numbered
 * within their chain. Keyset paging keeps every message self-contained: no query locator to expire. Messages from
 * before chains existed (no chain fields) read as chain 0 of an unsplit phase.
 */
@RegisterForReflection
public record ImportChunkMessage(String importId, int phase, int page, String afterId, int chain, int chains,
        String upToId) {

    public static ImportChunkMessage first(String importId) {
        return new ImportChunkMessage(importId, 0, 1, null, 0, 1, null);
    }

    public ImportChunkMessage validate() {
        require(importId != null && !importId.isBlank(), "importChunk message has no importId");
        require(page >= 1, "importChunk message for import " + importId + " has page " + page + "; pages start at 1");
        require(phase >= 0, "importChunk message for import " + importId + " has phase " + phase);
        require(chain >= 0 && chain < Math.max(1, chains) && chains <= 64, "importChunk message for import "
                + importId + " has chain " + chain + " of " + chains + "; chains run 0 to chains - 1, at most 64");
        return this;
    }

    /** Whether this page's phase is read as several Id ranges at once. */
    public boolean split() {
        return chains > 1;
    }

    /** Names this page in chunk markers and idempotency keys: the same page always gets the same id. */
    public String chunkId() {
        return chainChunkPrefix() + page;
    }

    /** What every page of this page's chain has its chunk id start with (chain 0: every page of an unsplit phase). */
    public String chainChunkPrefix() {
        return chain == 0 ? "p" + phase + "-" : "p" + phase + "c" + chain + "-";
    }

    /** The marker a split phase's chain leaves when its last page is counted. */
    public String chainEndMarker() {
        return phaseEndPrefix() + chain;
    }

    /** What the chain-end markers of this page's phase start with. */
    public String phaseEndPrefix() {
        return "p" + phase + "e";
    }

    public ImportChunkMessage next(String lastId) {
        return new ImportChunkMessage(importId, phase, page + 1, lastId, chain, chains, upToId);
    }

    /** Page 1 of chain {@code chain} of {@code chains}: the records after {@code afterId}, up to {@code upToId}. */
    public ImportChunkMessage chainStart(int chain, int chains, String afterId, String upToId) {
        return new ImportChunkMessage(importId, phase, 1, afterId, chain, chains, upToId);
    }

    /** The next page of chain 0 once the phase is split: after {@code lastId}, up to the first boundary. */
    public ImportChunkMessage nextInSplit(String lastId, int chains, String upToId) {
        return new ImportChunkMessage(importId, phase, page + 1, lastId, 0, chains, upToId);
    }

    public ImportChunkMessage nextPhase() {
        return new ImportChunkMessage(importId, phase + 1, 1, null, 0, 1, null);
    }
}
