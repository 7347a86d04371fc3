package io.crmsync.health;

import io.crmsync.events.ChangeEventAllocation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.limits.LimitPauses;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.ApiUsage;
import io.crmsync.salesforce.model.OrgLimit;
import io.crmsync.usage.UsageBuckets;
import io.crmsync.usage.UsageConfig;
import io.crmsync.usage.UsageRecorder;
import jakarta.enterprise.context.ApplicationScoped;

/** Builds the API usage figures from the persisted hour buckets and the CRMs' own limit reports. */
@ApplicationScoped
public class ApiUsageService {

    private final SalesforceClient salesforce;
    private final HubSpotClient hubspot;
    private final UsageRecorder recorder;
    private final UsageBuckets buckets;
    private final UsageConfig config;
    private final Clock clock;
    private final ChangeEventAllocation changeEvents;

    private final LimitPauses limitPauses;

    ApiUsageService(SalesforceClient salesforce, HubSpotClient hubspot, UsageRecorder recorder, UsageBuckets buckets,
            UsageConfig config, Clock clock, ChangeEventAllocation changeEvents, LimitPauses limitPauses) {
        this.limitPauses = limitPauses;
        this.changeEvents = changeEvents;
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.recorder = recorder;
        this.buckets = buckets;
        this.config = config;
        this.clock = clock;
    }

    public ApiUsageReport report() {
        // /limits first: its answer's Sforce-Limit-Info is then the org usage below, without a second call
        ChangeEventAllocation.Usage events = changeEvents.usage();
        Optional<ApiUsage> org = orgUsage();
        // After the limits call (if one was needed), so that call is part of the figures too.
        recorder.flush();
        Instant now = clock.instant();
        Map<String, Long> sf = buckets.last24Hours("salesforce", now);
        Map<String, Long> hs = buckets.last24Hours("hubspot", now);
        long sfTotal = sum(sf);
        var salesforceReport = new ApiUsageReport.Salesforce(sfTotal, sf, org.map(ApiUsage::max).orElse(null),
                org.map(ApiUsage::remaining).orElse(null), config.salesforceAllocation(), config.salesforceReserve(),
                Math.max(0, config.salesforceAllocation() - sfTotal));
        var rateLimit = hubspot.headroom().map(h -> new ApiUsageReport.RateLimit(h.max(), h.remaining(),
                h.intervalMillis(), h.dailyMax().isPresent() ? h.dailyMax().getAsLong() : null,
                h.dailyRemaining().isPresent() ? h.dailyRemaining().getAsLong() : null, h.observedAt())).orElse(null);
        return new ApiUsageReport(salesforceReport, new ApiUsageReport.HubSpot(sum(hs), hs, rateLimit), events,
                limitPauses.active());
    }

    /** Calls by kind in each of the last 24 hours, oldest first, for both CRMs: the console's usage chart. */
    public List<ApiUsageHour> hourly() {
        recorder.flush();
        Instant now = clock.instant();
        var sf = buckets.last24HoursByHour("salesforce", now);
        var hs = buckets.last24HoursByHour("hubspot", now);
        List<ApiUsageHour> hours = new ArrayList<>();
        sf.forEach((hour, kinds) -> hours.add(new ApiUsageHour(hour, kinds, hs.getOrDefault(hour, Map.of()))));
        return hours;
    }

    /**
     * The org's daily usage: from the last {@code Sforce-Limit-Info} header this instance saw, or one {@code /limits}
     * call when it has seen none (a fresh Lambda instance).
     */
    public Optional<ApiUsage> orgUsage() {
        Optional<ApiUsage> seen = salesforce.apiUsage();
        if (seen.isPresent()) {
            return seen;
        }
        return currentOrgUsage();
    }

    /**
     * The org's daily usage now, from one {@code /limits} call: other integrations spend the same budget, so a header
     * seen minutes ago can be far off when a large amount of work is about to be committed.
     */
    public Optional<ApiUsage> currentOrgUsage() {
        OrgLimit daily = salesforce.limits().get("DailyApiRequests");
        return daily == null ? Optional.empty() : Optional.of(new ApiUsage(daily.max() - daily.remaining(), daily.max()));
    }

    private static long sum(Map<String, Long> byKind) {
        return byKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
