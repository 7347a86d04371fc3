package io.crmsync.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * How long storing one import page's 2,000 pairings takes in the store the tests and local mode run (the DynamoDB emulator),
 * by write pattern, as the table grows: the import benchmark found this, not the CRM APIs, to be its bottleneck.
 * Prints milliseconds per page; asserts nothing.
 */
@QuarkusTest
@Tag("benchmark")
class PairingStoreBenchmark {

    private static final int PAGE = 2_000;
    private static final int PAGES = Integer.getInteger("benchmark.pages", 5);
    private static final int THREADS = 8;

    @Inject
    PairingRepository pairings;

    @Test
    void pairingsOfOnePage_byWritePattern() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int page = 0; page < PAGES; page++) {
                long transactions = time(page(), batch -> forEachChunk(batch, PairingRepository.CREATE_BATCH,
                        pool, pairings::createAbsent));
                long singles = time(page(), batch -> forEachChunk(batch, 1, pool,
                        chunk -> pairings.create(chunk.get(0))));
                System.out.printf("page %d: 2,000 pairings in transactions of 50, 8 at once: %,d ms;"
                        + " as single conditional transactions, 8 at once: %,d ms%n", page + 1, transactions, singles);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Pairing> page() {
        List<Pairing> out = new ArrayList<>();
        for (int i = 0; i < PAGE; i++) {
            out.add(Pairing.of("contact", UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                    SalesforceType.CONTACT));
        }
        return out;
    }

    private static long time(List<Pairing> page, Consumer<List<Pairing>> write) {
        long start = System.nanoTime();
        write.accept(page);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void forEachChunk(List<Pairing> page, int size, ExecutorService pool, Consumer<List<Pairing>> write) {
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < page.size(); i += size) {
            List<Pairing> chunk = page.subList(i, Math.min(page.size(), i + size));
            futures.add(pool.submit(() -> write.accept(chunk)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
