package io.crmsync.sync.worker;

import java.time.Instant;
import java.util.Optional;

import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stores a sync's outcome on the pairing with optimistic locking. A plan holds only for the pairing version it was
 * made from: when another worker saved the pairing in between, this plan's last synced values may match neither side
 * any more (the other worker wrote since), and storing them would make a later edit look like a change on both sides.
 * So they are not stored: the plan's history is appended to the newer version (what this sync wrote did happen) and
 * {@link PairingChangedException} asks the caller to plan the record again from it.
 */
@ApplicationScoped
public class PairingSaver {

    static final int MAX_ATTEMPTS = 5;

    private final PairingRepository pairings;

    PairingSaver(PairingRepository pairings) {
        this.pairings = pairings;
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
