package io.crmsync.imports.chunk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

import io.crmsync.imports.ImportsConfig;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a pairing for every record a chunk put into HubSpot, once: pairings that exist are left alone, so a second
 * import of the same records (or a redelivered chunk) creates none. New pairings are written 50 to a DynamoDB
 * transaction (each pairing + its Salesforce-id guard, only if absent), those transactions in parallel
 * ({@code crmsync.imports.pairing-writers} per chunk, see {@link ChunkLanes}): 40 calls for a
 * chunk of 2,000 instead of 2,000. A record paired meanwhile (a concurrent attempt, or a HubSpot record paired with
 * another Salesforce record sharing its email, a lead and a contact) keeps its pairing: the first one stands.
 */
@ApplicationScoped
public class PairingWriter {

    private final PairingRepository pairings;
    private final ChunkLanes writers;

    PairingWriter(PairingRepository pairings, ImportsConfig config) {
        this.pairings = pairings;
        this.writers = new ChunkLanes("import-pairings", config.pairingWriters());
    }

    @PreDestroy
    void stop() {
        writers.shutdown();
    }

    /**
     * A page's pairings, each upsert batch's started as soon as HubSpot answers it and written on this writer's lanes,
     * so the upsert lane that hands a batch over goes on to its next upsert instead of waiting for the store.
     *
     * @param typeOf the Salesforce type of each record (Lead vs Contact differ inside one campaign)
     */
    public PagePairings forPage(String pairingType, java.util.function.Function<String, SalesforceType> typeOf) {
        return new PagePairings(pairingType, typeOf);
    }

    /** See {@link #forPage}. */
    public final class PagePairings {
        private final String pairingType;
        private final java.util.function.Function<String, SalesforceType> typeOf;
        private final ChunkLanes.Open<Integer> batches = writers.open();
        private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

        private PagePairings(String pairingType, java.util.function.Function<String, SalesforceType> typeOf) {
            this.pairingType = pairingType;
            this.typeOf = typeOf;
        }

        /** Starts pairing one upsert batch's written records and returns at once. */
        public void add(List<Written> written) {
            batches.submit(() -> {
                long from = System.nanoTime();
                try {
                    return pair(pairingType, written, typeOf);
                } finally {
                    nanos.addAndGet(System.nanoTime() - from);
                }
            });
        }

        /**
         * Waits for every batch added so far: how many pairings were created, or, after all are done, the first
         * failure in the order the batches were added.
         */
        public int await() {
            return batches.all().stream().mapToInt(Integer::intValue).sum();
        }

        /** The pairings' time so far, summed over batches (for the chunk's log line). */
        public long millis() {
            return nanos.get() / 1_000_000;
        }
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
        List<Pairing> fresh = new ArrayList<>();
        for (Written w : written) {
            if (!existing.containsKey(w.salesforceId())) {
                fresh.add(Pairing.of(pairingType, w.hubspotId(), w.salesforceId(), typeOf.apply(w.salesforceId())));
            }
        }
        List<java.util.function.Supplier<Integer>> writes = new ArrayList<>();
        for (List<Pairing> batch : transactions(fresh)) {
            writes.add(() -> pairings.createAbsent(batch).size());
        }
        int created = 0;
        for (int n : writers.all(writes)) {
            created += n;
        }
        return created;
    }

    /**
     * Pairings grouped for one transaction each: at most {@link PairingRepository#CREATE_BATCH}, and no record twice
     * in one (two Salesforce records may have been written to one HubSpot record; the first pairing stands).
     */
    private static List<List<Pairing>> transactions(List<Pairing> fresh) {
        List<List<Pairing>> batches = new ArrayList<>();
        List<Set<String>> idsInBatch = new ArrayList<>();
        for (Pairing p : fresh) {
            int b = 0;
            while (b < batches.size() && (batches.get(b).size() >= PairingRepository.CREATE_BATCH
                    || idsInBatch.get(b).contains("hs:" + p.hubspotId())
                    || idsInBatch.get(b).contains("sf:" + p.salesforceId()))) {
                b++;
            }
            if (b == batches.size()) {
                batches.add(new ArrayList<>());
                idsInBatch.add(new HashSet<>());
            }
            batches.get(b).add(p);
            idsInBatch.get(b).add("hs:" + p.hubspotId());
            idsInBatch.get(b).add("sf:" + p.salesforceId());
        }
        return batches;
    }
}
