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
import io.crmsync.sync.poll.PollBudget;
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

    /** A poll with the whole configured run time ({@code crmsync.sync.poll.timeout}) from now. */
    public PollSummary poll(String eventId, Instant firedAt) {
        return poll(eventId, firedAt, budgetUntil(clock.instant().plus(config.poll().timeout())));
    }

    /** The budget of a run that must end by {@code end}: pages and objects stop the stop margin before. */
    public PollBudget budgetUntil(Instant end) {
        return new PollBudget(config.poll().maxRecords(), end.minus(config.poll().stopMargin()), clock);
    }

    /**
     * Polls every object while the budget has time; the objects left are {@code DEFERRED} to the next poll (their
     * watermarks did not move), and a read cut short by the budget is resumed there from its checkpoint.
     */
    public PollSummary poll(String eventId, Instant firedAt, PollBudget budget) {
        List<PollSummary.ObjectResult> results = new ArrayList<>();
        for (String object : polledObjects()) {
            results.add(budget.hasTime() ? pollIsolated(eventId, object, budget)
                    : new PollSummary.ObjectResult(object, "DEFERRED", 0, 0));
        }
        LOG.infof("Poll %s fired at %s: %s", eventId, firedAt, results);
        return new PollSummary(firedAt, results);
    }

    /** The objects a poll polls, in order: the configured ones, then the custom object pairs (one settings read). */
    public List<String> polledObjects() {
        java.util.LinkedHashSet<String> objects = new java.util.LinkedHashSet<>(config.objects());
        objects.addAll(pairs.customObjectTypes());
        return List.copyOf(objects);
    }

    /**
     * One object's failure (a Salesforce permission, a mapping HubSpot refuses) must not keep the objects after it
     * from syncing: it is logged as an error and reported in the poll's answer, and the object is polled again by the
     * next poll (its watermarks did not move, its event's idempotency key was released).
     */
    private PollSummary.ObjectResult pollIsolated(String eventId, String object, PollBudget budget) {
        try {
            return pollObject(eventId, object, budget);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Poll %s of %s failed; the other objects are polled, this one again next time: %s", eventId,
                    object, e.getMessage());
            return PollSummary.ObjectResult.failed(object, e);
        }
    }

    private PollSummary.ObjectResult pollObject(String eventId, String object, PollBudget budget) {
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
            var result = poller.poll(pairs.require(object), eventId.replace('#', '-') + "-" + now.toEpochMilli(), now,
                    budget);
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
