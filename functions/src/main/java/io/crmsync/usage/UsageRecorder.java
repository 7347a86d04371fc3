package io.crmsync.usage;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.logging.Logger;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.sync.SyncBatchCompleted;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Moves what the clients' in-memory {@link ApiCallCounter}s counted since the last flush into the persisted hour
 * buckets. Called at the end of each sync batch, by the API routes that spend calls, before usage is read, and when
 * the instance shuts down; what an instance counted but never flushed is the only thing lost.
 */
@ApplicationScoped
public class UsageRecorder {

    private static final Logger LOG = Logger.getLogger(UsageRecorder.class);

    private final SalesforceClient salesforce;
    private final HubSpotClient hubspot;
    private final UsageBuckets buckets;
    private final Clock clock;
    private final Map<String, Map<String, Long>> flushed = new HashMap<>();

    UsageRecorder(SalesforceClient salesforce, HubSpotClient hubspot, UsageBuckets buckets, Clock clock) {
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.buckets = buckets;
        this.clock = clock;
    }

    /**
     * Never throws: usage is bookkeeping, and a DynamoDB hiccup here must not fail (and so repeat) the work that spent
     * the calls. What could not be saved stays pending and goes with the next flush.
     */
    public synchronized void flush() {
        for (ApiCallCounter counter : new ApiCallCounter[] { salesforce.calls(), hubspot.calls() }) {
            try {
                flush(counter);
            } catch (RuntimeException e) {
                LOG.warnf("%s API usage could not be saved yet (kept for the next flush): %s", counter.api(),
                        e.getMessage());
            }
        }
    }

    void afterSyncBatch(@Observes SyncBatchCompleted batch) {
        flush();
    }

    void onShutdown(@Observes ShutdownEvent event) {
        flush();
    }

    private void flush(ApiCallCounter counter) {
        Map<String, Long> now = counter.snapshot();
        Map<String, Long> before = flushed.getOrDefault(counter.api(), Map.of());
        Map<String, Long> delta = new LinkedHashMap<>();
        now.forEach((kind, count) -> {
            // A counter reset (tests, benchmarks) starts again from zero: count what it has now.
            long previous = before.getOrDefault(kind, 0L);
            long added = count >= previous ? count - previous : count;
            if (added > 0) {
                delta.put(kind, added);
            }
        });
        buckets.add(counter.api(), delta, clock.instant());
        flushed.put(counter.api(), now);
    }
}
