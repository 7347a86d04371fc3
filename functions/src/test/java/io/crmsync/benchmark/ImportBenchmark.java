package io.crmsync.benchmark;

import static io.crmsync.imports.ImportTestSupport.api;
import static io.crmsync.imports.ImportTestSupport.purgeQueues;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.imports.ImportPlan;
import io.crmsync.imports.ImportPlanner;
import io.crmsync.imports.ImportsConfig;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.imports.ImportTestSupport;
import io.crmsync.imports.catalogue.ImportPhase;
import io.crmsync.imports.catalogue.MappedRecord;
import io.crmsync.imports.chunk.HubSpotUpserter;
import io.crmsync.imports.definition.ImportDefinition;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.QueueWorkers;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * Not a test: imports 100,000 contacts through the real pipeline (api function, import queue, importChunk function run
 * by as many workers as the template's {@code MaximumConcurrency}, the DynamoDB emulator, both sandboxes answering with the
 * real APIs' latency and HubSpot's burst limit, see {@link RealisticApis}) and prints what it cost. Run with
 * {@code ./mvnw test -Dtest=ImportBenchmark -Dgroups=benchmark -DexcludedGroups=}; {@code -Dbenchmark.contacts=10000}
 * (or {@code -Dbenchmark.import-contacts=}, which the poll benchmark ignores) for a shorter run, {@code -Dbenchmark.import-workers=n} for another concurrency.
 */
@QuarkusTest
@TestProfile(BenchmarkProfile.class)
@Tag("benchmark")
class ImportBenchmark {

    /** Leads imported before the timed import, see {@link #warmUp}. */
    private static final int WARM_UP_LEADS = 200;

    @Inject
    SalesforceClient salesforceClient;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    ImportPlanner planner;
    @Inject
    ImportsConfig importsConfig;
    @Inject
    HubSpotUpserter upserter;

    @Test
    void import100kContacts() {
        int contacts = contacts();
        int workers = RealisticApis.intProperty("benchmark.import-workers",
                Benchmarks.maximumConcurrency("ImportChunkFunction"));
        RealisticApis apis = RealisticApis.fromSystemProperties();
        SalesforceSandbox salesforce = SalesforceSandboxTestResource.sandbox();
        salesforce.reset();
        HubSpotSandbox hubspot = HubSpotSandboxTestResource.resetSandbox();
        purgeQueues();
        warmUp(salesforce);
        salesforce.seed("Contact", contacts, i -> Map.of("LastName", "B" + i, "Email", "bench" + i + "@example.com"));
        apis.applyTo(salesforce, hubspot);
        long sfBefore = salesforce.apiCallsUsed();
        long hsBefore = hubspotClient.calls().total();
        Map<String, Long> hsFailuresBefore = hubspotClient.failures().snapshot();
        StoreCalls.reset();

        long started = System.nanoTime();
        var timeline = new CallTimeline(() -> hubspotClient.calls().total(), () -> hubspot.inFlight().current(),
                hubspotClient::callsWaitingAtPacer);
        var answer = api("POST", "/imports", null, "{\"object\":\"contacts\"}");
        double apiSeconds = (System.nanoTime() - started) / 1e9;
        var drain = QueueWorkers.drain("ImportChunksQueue", "importChunk", workers);
        double seconds = (System.nanoTime() - started) / 1e9;
        timeline.close();

        String id = answer.body().getString("importId");
        var job = api("GET", "/imports/" + id, null, null).body();
        long sfCalls = salesforce.apiCallsUsed() - sfBefore;
        long hsCalls = hubspotClient.calls().total() - hsBefore;
        int queuedForSync = ImportTestSupport.syncRecordsQueued();
        double perSecond = contacts / seconds;
        System.out.printf("%n=== ImportBenchmark: %,d contacts, %d importChunk workers; %s ===%n", contacts, workers, apis);
        System.out.printf("status %s, created %d, failed %d, chunks %d (%d attempts failed, at most %d at once), queued for sync %d%n",
                job.getString("status"), job.getInt("created"), job.getInt("failed"), drain.handled(), drain.failed(), drain.peakConcurrency(),
                queuedForSync);
        System.out.printf("wall time %.1f s (the API's answer %.1f s), %.0f records/s = %.2f of HubSpot's ceiling (%.0f"
                + " records/s)%n", seconds, apiSeconds, perSecond, perSecond / RealisticApis.CEILING_RECORDS_PER_SECOND,
                RealisticApis.CEILING_RECORDS_PER_SECOND);
        System.out.printf("Salesforce API calls %d (%.2f per 1,000 records) by kind %s%n", sfCalls,
                sfCalls * 1000.0 / contacts, salesforceClient.calls().snapshot());
        System.out.printf("HubSpot API calls %d (%.2f per 1,000 records, %.1f calls/s) by kind %s%n", hsCalls,
                hsCalls * 1000.0 / contacts, hsCalls / seconds, hubspotClient.calls().snapshot());
        System.out.printf("HubSpot 429s answered (each retried) %d; failed answers by kind %s; records failed %d%n",
                hubspot.statuses().count("429"), Benchmarks.delta(hubspotClient.failures().snapshot(), hsFailuresBefore),
                job.getInt("failed"));
        System.out.printf("HubSpot pacer waits over the whole run (ms summed over threads): %s%n",
                hubspotClient.pacerWaits());
        System.out.println(timeline);
        StoreCalls.Snapshot store = StoreCalls.snapshot();
        System.out.printf("DynamoDB calls %d (%.1f per 1,000 records) taking %.1f s in all (summed over calls made at"
                + " once: %.1f s per worker of the %.1f s wall time); calls by operation %s, ms by operation %s%n",
                store.totalCalls(), store.totalCalls() * 1000.0 / contacts, store.totalMillis() / 1000.0,
                store.totalMillis() / 1000.0 / workers, seconds, store.calls(), store.millis());
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(hubspot.count("contacts")).isEqualTo(contacts + WARM_UP_LEADS);
    }

    /**
     * A small import of leads first, without latency, so that the timed import measures the pipeline's throughput
     * and not this JVM's first calls (class loading, JIT, the clients' start): cold, the API's first answer took 4.0 s
     * on a quiet machine and 9.2 s under load, warm it is the count query and a describe. A function's cold start is
     * what {@code ColdStartBenchmarkIT} measures.
     */
    private static void warmUp(SalesforceSandbox salesforce) {
        salesforce.seed("Lead", WARM_UP_LEADS, i -> Map.of("LastName", "W" + i, "Company", "Warm up",
                "Email", "warm-up" + i + "@example.com"));
        var answer = api("POST", "/imports", null, "{\"object\":\"leads\"}");
        assertThat(answer.status()).as("warm-up import: %s", answer.body()).isEqualTo(202);
        QueueWorkers.drain("ImportChunksQueue", "importChunk", 1);
        purgeQueues();
    }

    /**
     * The CRM side of the same import alone, the store left out: the chunk's Salesforce keyset page reads and its
     * HubSpot upserts (the production {@link HubSpotUpserter}, under the client's shared pacer), chained as the chunk
     * chains them (the next page is read as soon as this one is), with as many workers, and the same latency. No
     * pairing, job or queue write: this is what the pipeline reaches when the store answers as DynamoDB does, in
     * milliseconds and in parallel, rather than as the local emulator on a shared 2-core machine.
     */
    @Test
    void crmSideAlone_samePagesWithoutTheStore() throws Exception {
        int contacts = contacts();
        int workers = RealisticApis.intProperty("benchmark.import-workers",
                Benchmarks.maximumConcurrency("ImportChunkFunction"));
        RealisticApis apis = RealisticApis.fromSystemProperties();
        SalesforceSandbox salesforce = SalesforceSandboxTestResource.sandbox();
        salesforce.reset();
        HubSpotSandbox hubspot = HubSpotSandboxTestResource.resetSandbox();
        List<String> ids = salesforce.seed("Contact", contacts,
                i -> Map.of("LastName", "B" + i, "Email", "bench" + i + "@example.com"));
        apis.applyTo(salesforce, hubspot);
        ImportPlan.Step step = planner.replan(new ImportDefinition("contacts", List.of(), null, null, false)).step(0);
        ImportPhase phase = step.phase();
        long sfBefore = salesforce.apiCallsUsed();
        long hsBefore = hubspotClient.calls().total();
        // The import queue: where each page starts (null: the first) and ends (null: the last record). One chain of
        // pages is what the chunk does; -Dbenchmark.read-chains=n splits the Id range into n chains read at once (the
        // boundaries taken from the seeded Ids, where Salesforce's PK chunking would compute them from the first and
        // last Id), to measure what parallel reads would reach.
        int chains = RealisticApis.intProperty("benchmark.read-chains", 1);
        List<String> sorted = ids.stream().sorted().toList();
        BlockingQueue<Cursor> pages = new LinkedBlockingQueue<>();
        for (int c = 0; c < chains; c++) {
            pages.add(new Cursor(c == 0 ? null : sorted.get(c * contacts / chains - 1),
                    c == chains - 1 ? null : sorted.get((c + 1) * contacts / chains - 1)));
        }
        AtomicInteger written = new AtomicInteger();
        AtomicInteger pending = new AtomicInteger(chains);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long started = System.nanoTime();
        var timeline = new CallTimeline(() -> hubspotClient.calls().total(), () -> hubspot.inFlight().current(),
                hubspotClient::callsWaitingAtPacer);
        List<Future<?>> runs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            runs.add(pool.submit(() -> {
                while (true) {
                    Cursor page = pages.take();
                    if (page == Cursor.END) {
                        pages.add(page);
                        return null;
                    }
                    List<SObject> records = salesforceClient.keysetPage(phase.sobject(), phase.fields(),
                            upTo(step.where(), page.upTo()), page.after(),
                            importsConfig.pageSize());
                    if (records.size() == importsConfig.pageSize()) {
                        pending.incrementAndGet();
                        pages.add(new Cursor(records.get(records.size() - 1).id(), page.upTo()));
                    }
                    List<MappedRecord> mapped = records.stream().map(phase.mapper()).filter(r -> !r.skipped()).toList();
                    written.addAndGet(upserter.upsert(phase, mapped).written().size());
                    if (pending.decrementAndGet() == 0) {
                        pages.add(Cursor.END);
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        timeline.close();
        long sfCalls = salesforce.apiCallsUsed() - sfBefore;
        long hsCalls = hubspotClient.calls().total() - hsBefore;
        double perSecond = contacts / seconds;
        System.out.printf("%n=== ImportBenchmark, CRM side alone (no store): %,d contacts, %d workers, %d chain(s) of"
                + " Salesforce reads; %s ===%n", contacts, workers, chains, apis);
        System.out.printf("written %d; wall time %.1f s, %.0f records/s = %.2f of HubSpot's ceiling (%.0f records/s);"
                + " Salesforce %d calls, HubSpot %d calls (%.1f calls/s); HubSpot 429s answered %d%n", written.get(),
                seconds, perSecond, perSecond / RealisticApis.CEILING_RECORDS_PER_SECOND,
                RealisticApis.CEILING_RECORDS_PER_SECOND, sfCalls, hsCalls, hsCalls / seconds,
                hubspot.statuses().count("429"));
        System.out.println(timeline);
        assertThat(hubspot.count("contacts")).isEqualTo(contacts);
    }

    /** {@code -Dbenchmark.import-contacts}, else {@code -Dbenchmark.contacts} (the poll benchmark's too), else 100,000. */
    private static int contacts() {
        return RealisticApis.intProperty("benchmark.import-contacts",
                RealisticApis.intProperty("benchmark.contacts", 100_000));
    }

    /** One page to read: after {@code after} (null: from the first record), up to {@code upTo} (null: to the last). */
    private record Cursor(String after, String upTo) {
        static final Cursor END = new Cursor("end", "end");
    }

    private static Condition upTo(Condition filter, String lastId) {
        if (lastId == null) {
            return filter;
        }
        return filter == null ? Condition.le("Id", lastId) : Condition.and(Condition.le("Id", lastId), filter);
    }
}
