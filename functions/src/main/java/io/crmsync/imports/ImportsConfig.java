package io.crmsync.imports;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How imports read and write, under {@code crmsync.imports}. */
@ConfigMapping(prefix = "crmsync.imports")
public interface ImportsConfig {

    /** Salesforce records per chunk message (one keyset page; Salesforce returns at most 2,000 per query call). */
    @WithDefault("2000")
    int pageSize();

    /**
     * Share of the org's daily Salesforce API allocation an import leaves for the customer's other integrations;
     * when the remaining calls would drop below it, the import pauses.
     */
    @WithDefault("20")
    int budgetReservePercent();

    /** How long a paused import waits before it checks the budget again (SQS delays stop at 900 s). */
    @WithDefault("900s")
    Duration budgetRecheck();

    /** Parallel DynamoDB writes of a chunk's pairings (transactions of 50 pairings), per chunk. */
    @WithDefault("8")
    int pairingWriters();

    /**
     * HubSpot batch calls a chunk keeps in flight at once. A chunk's 20 upserts one after another take 20 round trips
     * (6 s at HubSpot's usual 300 ms); in parallel they take a few, and the client's shared pacer still keeps the
     * whole process under the rate limit. 6 in flight at 300 ms each is HubSpot's whole 19 calls/s. Per chunk: each
     * chunk a process runs at once gets this many (as each Lambda instance does).
     */
    @WithDefault("8")
    int hubspotParallelCalls();

    /**
     * Id ranges a large phase is read in at once, after its first page (Salesforce PK chunking's idea): each keyset
     * page needs the one before it, so one chain of pages reads at most a page per query round trip (about a second),
     * below HubSpot's write rate. Each range costs at most one more query (its last, partial page) and the split one
     * (the phase's last Id).
     */
    @WithDefault("4")
    int readChains();

    /** The job's record count from which a phase is split into {@link #readChains()} ranges. */
    @WithDefault("20000")
    long splitFromRecords();

    /** HubSpot deal pipeline imported opportunities land in. */
    @WithDefault("default")
    String dealPipeline();

}
