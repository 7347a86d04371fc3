package io.crmsync.sync;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sync's own settings ({@code crmsync.sync.*}): which objects poll, how far back, and the error-retry policy. */
@ConfigMapping(prefix = "crmsync.sync")
public interface SyncConfig {

    /**
     * HubSpot object types the poller handles, in order: companies first, so a contact's or deal's new Account is
     * usually paired by the time its association is synced (otherwise it waits, as "Waiting for account to sync").
     * Activities come last for the same reason: a task points at records the earlier objects just paired.
     */
    @WithDefault("company,contact,deal,ticket,task,meeting,call")
    List<String> objects();

    /**
     * How far before the watermark each poll re-reads. Salesforce commits can land with a SystemModstamp earlier than
     * a record already read (long transactions), and HubSpot search lags its writes: overlap catches both.
     */
    @WithDefault("PT2M")
    Duration lookback();

    /** Where a first poll (no watermark yet) starts reading: older records are the import's job, not the poller's. */
    @WithDefault("PT15M")
    Duration firstPollWindow();

    /**
     * How old a change to a segment member must be before it syncs. HubSpot re-evaluates active lists after a
     * change, so a member changed just now may be on its way out; its change waits for a later snapshot.
     */
    @WithDefault("PT1M")
    Duration segmentSettle();

    /** How long one poll of one object may hold its lease; longer than a poll takes, shorter than the schedule. */
    @WithDefault("PT10M")
    Duration leaseDuration();

    /**
     * Pairings a sync batch saves at once. Each save is one conditional write of its own item, so a batch of 200
     * records takes a few round trips instead of 200 one after another.
     */
    @WithDefault("8")
    int pairingWriters();

    /**
     * Reads of sync batches sent at once besides the batch's own (its Salesforce retrieve while it reads HubSpot),
     * by all workers of the process together: a deployed worker needs one; local mode's several workers share them.
     */
    @WithDefault("8")
    int parallelReads();

    /**
     * Messages of one SQS batch a sync worker runs at once. Lambda hands an instance up to the event source's
     * BatchSize messages per invocation (template.yaml: 5); one after another, an instance would keep one message's
     * calls in flight and leave HubSpot's rate limit mostly unused. Above BatchSize it changes nothing.
     */
    @WithDefault("5")
    int messagesAtOnce();

    Retry retry();

    Poll poll();

    /** How much one poll run reads, so a mass update is read over several runs instead of never finishing. */
    interface Poll {

        /**
         * Records per HubSpot search page (at most HubSpot's 200). Smaller only to exercise multi-page reads on small
         * data. Salesforce pages are the query's own (up to 2,000 rows).
         */
        @WithDefault("200")
        int pageSize();

        /**
         * The most records one change read (each Salesforce sObject: the query's LIMIT; each HubSpot search: whole
         * pages) takes per run; the rest is read by the next runs, from the checkpoint. It
         * bounds the poll's memory; the run's time is bounded by {@link #timeout()}.
         */
        @WithDefault("50000")
        int maxRecords();

        /** The poll function's Lambda timeout (template.yaml: 600 s). */
        @WithDefault("600s")
        Duration timeout();

        /**
         * No page or object is started later than this before {@link #timeout()}: the time to finish the page in
         * flight, queue what was read and save the checkpoint.
         */
        @WithDefault("120s")
        Duration stopMargin();

        /** A catch-up whose checkpoint has not moved for this long (three 15-minute polls) is shown as a warning. */
        @WithDefault("45m")
        Duration stalledAfter();
    }

    interface Retry {

        /** Errored records are retried when their last attempt is at least this old. */
        @WithDefault("PT30M")
        Duration interval();

        @WithDefault("10")
        int maxAttempts();

        /** No automatic retries once this share of the daily HubSpot calls is used (the portal's, from its headers). */
        @WithDefault("0.75")
        double maxAllocationShare();

        /**
         * The daily HubSpot calls allocated to crm-sync (Sync Health's "Allocated"); the base of the retry limit when
         * HubSpot sends no daily headers.
         */
        @WithDefault("250000")
        long hubspotDailyAllocation();
    }
}
