package io.crmsync.limits;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.crmsync.store.LimitPause;
import io.crmsync.store.LimitPauseRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Work that meets a spent daily budget waits for the reset instead of failing: a failed SQS receive counts towards
 * the queue's maxReceiveCount, so five of them would send the batch to a dead-letter queue nobody reads. The pause
 * is stored, so Sync Health and {@code GET /api-usage} can say that sync is waiting and until when.
 */
@ApplicationScoped
public class LimitPauses {

    private static final Logger LOG = Logger.getLogger(LimitPauses.class);
    /** SQS's longest message delay. */
    static final Duration MAX_DELAY = Duration.ofSeconds(900);

    private final LimitPauseRepository store;
    /** Set when this instance paused work; only then does a later success clear the stored pause (one delete). */
    private volatile boolean pausedHere;
    private final LimitsConfig config;
    private final Clock clock;

    LimitPauses(LimitPauseRepository store, LimitsConfig config, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
    }

    /** The hit {@code e} reports, if it is one. */
    public Optional<DailyLimitHit> hitBy(RuntimeException e) {
        return DailyLimitHit.of(e, clock.instant());
    }

    /**
     * Records the pause and answers how long the paused message is to be delayed: until the reset, but never longer
     * than SQS allows or the configured re-check.
     */
    public Duration pause(DailyLimitHit hit, String what) {
        Instant now = clock.instant();
        store.save(new LimitPause(hit.crm(), hit.resetsAt(), now));
        pausedHere = true;
        Duration untilReset = Duration.between(now, hit.resetsAt());
        Duration delay = min(min(untilReset, config.recheck()), MAX_DELAY);
        if (delay.isNegative() || delay.isZero()) {
            delay = Duration.ofSeconds(1);
        }
        LOG.infof("%s paused: the %s daily API limit is spent until %s; looking again in %d s", what, hit.crm(),
                hit.resetsAt(), delay.toSeconds());
        return delay;
    }

    /** The pauses not over yet. */
    public List<LimitPause> active() {
        Instant now = clock.instant();
        return store.all().stream().filter(p -> p.until().isAfter(now)).toList();
    }

    /** Work got through to both CRMs: their budgets are back, whatever the stored pauses said. */
    public void resumed() {
        if (pausedHere) {
            pausedHere = false;
            store.clear(DailyLimitHit.SALESFORCE);
            store.clear(DailyLimitHit.HUBSPOT);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
