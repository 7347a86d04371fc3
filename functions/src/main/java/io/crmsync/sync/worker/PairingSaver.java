package io.crmsync.sync.worker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.crmsync.limits.AllCalls;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.StaleVersionException;
import io.crmsync.sync.SyncConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Stores a sync's outcome on the pairing with optimistic locking. A plan holds only for the pairing version it was
 * made from: when another worker saved the pairing in between, this plan's last synced values may match neither side
 * any more (the other worker wrote since), and storing them would make a later edit look like a change on both sides.
 * So they are not stored: the plan's history is appended to the newer version (what this sync wrote did happen) and
 * {@link PairingChangedException} asks the caller to plan the record again from it.
 *
 * <p>A batch's pairings are saved several at once ({@code crmsync.sync.pairing-writers}): each is one conditional
 * write of its own item, so they do not depend on each other, and DynamoDB takes them in parallel; one after another,
 * a batch of 200 waited for 200 round trips.
 */
@ApplicationScoped
public class PairingSaver {

    static final int MAX_ATTEMPTS = 5;

    private final PairingRepository pairings;
    private final ExecutorService writers;

    @Inject
    PairingSaver(PairingRepository pairings, SyncConfig config) {
        this(pairings, config.pairingWriters());
    }

    PairingSaver(PairingRepository pairings, int writers) {
        this.pairings = pairings;
        this.writers = Executors.newFixedThreadPool(Math.max(1, writers), r -> {
            Thread t = new Thread(r, "sync-pairing-saves");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    /**
     * What {@link #saveAll} did with a plan: saved it, or not because another worker saved its pairing meanwhile
     * ({@code changedMeanwhile}), or not because the save failed otherwise ({@code failure}).
     */
    public record Saved(RecordPlan plan, boolean changedMeanwhile, RuntimeException failure) {
    }

    /**
     * Saves every plan as {@link #save} does, several at once, and answers in the plans' order once all are done. A
     * failed save is answered, not thrown, so the caller still records what the others did before it fails the batch.
     */
    public List<Saved> saveAll(List<RecordPlan> plans, Instant now) {
        List<Future<Saved>> pending = new ArrayList<>();
        for (RecordPlan plan : plans) {
            pending.add(writers.submit(() -> {
                try {
                    save(plan, now);
                    return new Saved(plan, false, null);
                } catch (PairingChangedException e) {
                    return new Saved(plan, true, null);
                } catch (RuntimeException e) {
                    return new Saved(plan, false, e);
                }
            }));
        }
        return AllCalls.await(pending, "pairing saves");
    }

    /**
     * @return the saved pairing, or empty when the pairing was deleted or re-paired meanwhile (nothing to save)
     * @throws PairingChangedException when another worker saved the pairing since the plan was made
     */
    public Optional<Pairing> save(RecordPlan plan, Instant now) {
        Pairing base = plan.pairing();
        Pairing next = base.withSynced(plan.hubspotAfter(), plan.salesforceAfter(), now).withHistory(plan.history());
        try {
            return Optional.of(base.version() == 0 ? pairings.create(next) : pairings.save(next));
        } catch (StaleVersionException e) {
            return keepHistory(plan).map(current -> {
                throw new PairingChangedException(base.objectType(), base.hubspotId(),
                        "version " + base.version() + " became " + current.version());
            });
        }
    }

    /** Appends the plan's history to the current pairing; history only grows, so this rebase is always right. */
    private Optional<Pairing> keepHistory(RecordPlan plan) {
        Pairing base = plan.pairing();
        for (int attempt = 1; ; attempt++) {
            Optional<Pairing> current = pairings.findByHubspotId(base.objectType(), base.hubspotId());
            if (current.isEmpty() || !current.get().salesforceId().equals(base.salesforceId())) {
                return Optional.empty();
            }
            if (plan.history().isEmpty()) {
                return current;
            }
            try {
                return Optional.of(pairings.save(current.get().withHistory(plan.history())));
            } catch (StaleVersionException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
