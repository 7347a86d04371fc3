package io.crmsync.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.crmsync.settings.ObjectPairs;
import io.crmsync.store.IdempotencyAlreadyCompletedException;
import io.crmsync.store.IdempotencyKeyInUseException;
import io.crmsync.store.IdempotencyRepository;
import io.crmsync.store.LeaseRepository;
import io.crmsync.sync.poll.ObjectPoller;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Polls every configured object. Two guards keep the work from being done twice: the EventBridge event id (a
 * redelivered event finds its poll done) and a lease per object (two different events never poll one object at once).
 */
@ApplicationScoped
public class PollService {

    private static final Logger LOG = Logger.getLogger(PollService.class);
    private static final Duration REMEMBER_EVENTS = Duration.ofDays(1);

    private final ObjectPoller poller;
    private final ObjectPairs pairs;
    private final LeaseRepository leases;
    private final IdempotencyRepository idempotency;
    private final SyncConfig config;
    private final Clock clock;

    PollService(ObjectPoller poller, ObjectPairs pairs, LeaseRepository leases, IdempotencyRepository idempotency,
            SyncConfig config, Clock clock) {
        this.poller = poller;
        this.pairs = pairs;
        this.leases = leases;
        this.idempotency = idempotency;
        this.config = config;
        this.clock = clock;
    }

    public PollSummary poll(String eventId, Instant firedAt) {
        List<PollSummary.ObjectResult> results = new ArrayList<>();
        java.util.LinkedHashSet<String> objects = new java.util.LinkedHashSet<>(config.objects());
        objects.addAll(pairs.customObjectTypes());
        for (String object : objects) {
            results.add(pollObject(eventId, object));
        }
        LOG.infof("Poll %s fired at %s: %s", eventId, firedAt, results);
        return new PollSummary(firedAt, results);
    }

    private PollSummary.ObjectResult pollObject(String eventId, String object) {
        Instant now = clock.instant();
        String key = "poll." + eventId + "." + object;
        try {
            idempotency.begin(key, now, config.leaseDuration(), REMEMBER_EVENTS);
        } catch (IdempotencyAlreadyCompletedException | IdempotencyKeyInUseException e) {
            return new PollSummary.ObjectResult(object, "DUPLICATE_EVENT", 0, 0);
        }
        String lease = "poll." + object;
        String holder = UUID.randomUUID().toString();
        if (leases.tryAcquire(lease, holder, config.leaseDuration(), now).isEmpty()) {
            idempotency.release(key);
            return new PollSummary.ObjectResult(object, "LEASED_BY_ANOTHER_POLL", 0, 0);
        }
        try {
            var result = poller.poll(pairs.require(object), eventId.replace('#', '-') + "-" + now.toEpochMilli(), now);
            idempotency.complete(key, Optional.empty(), clock.instant(), REMEMBER_EVENTS);
            return result;
        } catch (RuntimeException e) {
            idempotency.release(key);
            throw e;
        } finally {
            leases.release(lease, holder);
        }
    }
}
