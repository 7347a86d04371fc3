package io.crmsync.sync.worker;

import java.time.Instant;
import java.util.Optional;

import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stores a sync's outcome on the pairing with optimistic locking. When another worker saved the pairing in between,
 * its version is re-read and this sync's values and history are applied on top, so neither update is lost.
 */
@ApplicationScoped
public class PairingSaver {

    static final int MAX_ATTEMPTS = 5;

    private final PairingRepository pairings;

    PairingSaver(PairingRepository pairings) {
        this.pairings = pairings;
    }

    /** @return the saved pairing, or empty when the pairing was deleted or re-paired meanwhile (nothing to save) */
    public Optional<Pairing> save(RecordPlan plan, Instant now) {
        Pairing base = plan.pairing();
        for (int attempt = 1; ; attempt++) {
            Pairing next = base.withSynced(plan.hubspotAfter(), plan.salesforceAfter(), now).withHistory(plan.history());
            try {
                return Optional.of(base.version() == 0 ? pairings.create(next) : pairings.save(next));
            } catch (StaleVersionException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                Optional<Pairing> current = pairings.findByHubspotId(base.objectType(), base.hubspotId());
                if (current.isEmpty() || !current.get().salesforceId().equals(base.salesforceId())) {
                    return Optional.empty();
                }
                base = current.get();
            }
        }
    }
}
