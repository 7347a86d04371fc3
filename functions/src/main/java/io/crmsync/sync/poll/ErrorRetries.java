package io.crmsync.sync.poll;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.store.Page;
import io.crmsync.store.SyncError;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which errored records a poll retries, after HubSpot's documented policy (configurable): an error is retried when
 * its last attempt is at least {@code retry.interval} old and it has failed fewer than {@code retry.max-attempts}
 * times, and only while less than {@code retry.max-allocation-share} of the daily HubSpot allocation is used.
 */
@ApplicationScoped
public class ErrorRetries {

    private static final Logger LOG = Logger.getLogger(ErrorRetries.class);

    private final SyncErrorRepository errors;
    private final HubSpotClient hubspot;
    private final SyncConfig.Retry policy;

    ErrorRetries(SyncErrorRepository errors, HubSpotClient hubspot, SyncConfig config) {
        this.errors = errors;
        this.hubspot = hubspot;
        this.policy = config.retry();
    }

    public List<SyncBatchMessage.RecordRef> due(String object, Instant now) {
        double share = shareOfDailyHubSpotCallsUsed();
        if (share >= policy.maxAllocationShare()) {
            LOG.infof("No automatic retries for %s: %.0f%% of the HubSpot allocation is used (limit %.0f%%)", object,
                    share * 100, policy.maxAllocationShare() * 100);
            return List.of();
        }
        List<SyncBatchMessage.RecordRef> refs = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<SyncError> page = errors.listOpen(object, Optional.empty(), cursor, 100);
            for (SyncError e : page.items()) {
                boolean rested = !e.lastSeen().plus(backoff(e.attempts())).isAfter(now);
                if (rested && e.attempts() < policy.maxAttempts()) {
                    // An error from before the record had a partner names one side: the retry pairs it from there.
                    refs.add(e.hubspotId() != null ? new SyncBatchMessage.RecordRef(e.hubspotId(), null)
                            : new SyncBatchMessage.RecordRef(null, e.salesforceId()));
                }
            }
            cursor = page.cursor();
        } while (cursor.isPresent());
        return refs.stream().distinct().toList();
    }

    /**
     * The rest before the next attempt doubles with each failed one (the interval, twice it, four times...; at most
     * 64 times), so a record that keeps failing costs fewer calls while it waits for the user.
     */
    private java.time.Duration backoff(long attempts) {
        return policy.interval().multipliedBy(1L << Math.min(6, Math.max(0, attempts - 1)));
    }

    /**
     * From HubSpot's daily rate-limit headers when it sends them (the portal's own count, which other integrations
     * share), else what this process has spent against its configured allocation.
     */
    private double shareOfDailyHubSpotCallsUsed() {
        return hubspot.headroom()
                .filter(h -> h.dailyMax().isPresent() && h.dailyRemaining().isPresent() && h.dailyMax().getAsLong() > 0)
                .map(h -> (double) (h.dailyMax().getAsLong() - h.dailyRemaining().getAsLong()) / h.dailyMax().getAsLong())
                .orElseGet(() -> (double) hubspot.calls().total() / policy.hubspotDailyAllocation());
    }
}
