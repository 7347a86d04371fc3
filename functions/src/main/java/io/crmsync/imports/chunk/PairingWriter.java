package io.crmsync.imports.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.crmsync.imports.ImportsConfig;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingExistsException;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a pairing for every record a chunk put into HubSpot, once: pairings that exist are left alone, so a second
 * import of the same records (or a redelivered chunk) creates none. Each new pairing is its own DynamoDB transaction
 * (pairing + Salesforce-id guard), so up to 2,000 per chunk are written in parallel.
 */
@ApplicationScoped
public class PairingWriter {

    private final PairingRepository pairings;
    private final ExecutorService writers;

    PairingWriter(PairingRepository pairings, ImportsConfig config) {
        this.pairings = pairings;
        this.writers = Executors.newFixedThreadPool(Math.max(1, config.pairingWriters()), r -> {
            Thread t = new Thread(r, "import-pairings");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        writers.shutdownNow();
    }

    /**
     * @param typeOf the Salesforce type of each record (Lead vs Contact differ inside one campaign)
     * @return how many pairings were created now
     */
    public int pair(String pairingType, List<Written> written, java.util.function.Function<String, SalesforceType> typeOf) {
        if (written.isEmpty()) {
            return 0;
        }
        Map<String, Pairing> existing = pairings.findBySalesforceIds(pairingType,
                written.stream().map(Written::salesforceId).toList());
        List<Future<Boolean>> pending = new ArrayList<>();
        for (Written w : written) {
            if (existing.containsKey(w.salesforceId())) {
                continue;
            }
            pending.add(writers.submit(() -> create(Pairing.of(pairingType, w.hubspotId(), w.salesforceId(),
                    typeOf.apply(w.salesforceId())))));
        }
        int created = 0;
        for (Future<Boolean> f : pending) {
            try {
                created += f.get() ? 1 : 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing pairings", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return created;
    }

    private boolean create(Pairing pairing) {
        try {
            pairings.create(pairing);
            return true;
        } catch (PairingExistsException e) {
            // Either a concurrent attempt paired this record already, or the HubSpot record is paired with another
            // Salesforce record sharing its email (a lead and a contact): the first pairing stands.
            return false;
        }
    }
}
