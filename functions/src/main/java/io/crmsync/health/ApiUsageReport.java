package io.crmsync.health;

import java.time.Instant;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET /api-usage}: what crm-sync spent in the last 24 hours on each CRM, and what is left; {@code paused}
 * lists the CRMs whose daily budget is spent, with the time sync and imports wait for (empty when none is).
 */
@RegisterForReflection
public record ApiUsageReport(Salesforce salesforce, HubSpot hubspot,
        io.crmsync.events.ChangeEventAllocation.Usage changeEvents, java.util.List<io.crmsync.store.LimitPause> paused) {

    /**
     * @param orgDailyLimit / orgRemaining the whole org's figures (every integration), null if Salesforce did not say
     * @param allocationRemaining crm-sync's own allocation minus what it used in the last 24 hours
     */
    @RegisterForReflection
    public record Salesforce(long callsLast24Hours, Map<String, Long> byKind, Long orgDailyLimit, Long orgRemaining,
            long allocation, long reserve, long allocationRemaining) {
    }

    @RegisterForReflection
    public record HubSpot(long callsLast24Hours, Map<String, Long> byKind, RateLimit rateLimit) {
    }

    /** The last {@code X-HubSpot-RateLimit-*} headers seen; null before the first HubSpot call. */
    @RegisterForReflection
    public record RateLimit(int max, int remaining, long intervalMillis, Long dailyMax, Long dailyRemaining,
            Instant observedAt) {
    }
}
