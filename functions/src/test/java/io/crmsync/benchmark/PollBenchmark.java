package io.crmsync.benchmark;

import static io.crmsync.testing.LambdaEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.CrmSide;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.QueueWorkers;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A poll that finds 10,000 changed contacts (Salesforce leads edited by users): the API calls each side costs and the
 * time until both sides agree, with the sandboxes answering as the real APIs do ({@link RealisticApis}) and as many
 * syncBatch workers as the template's {@code MaximumConcurrency}, each handed up to its {@code BatchSize} messages per
 * invocation as Lambda does. Also the poll right after a large sync, which finds
 * only crm-sync's own writes. Run with {@code ./mvnw test -Dtest=PollBenchmark -Dgroups=benchmark -DexcludedGroups=}
 * ({@code -Dbenchmark.contacts=2000} for a shorter run, {@code -Dbenchmark.sync-workers=n},
 * {@code -Dbenchmark.sync-batch-size=n}); excluded from the
 * normal run.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(BenchmarkProfile.Poll.class)
class PollBenchmark {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @Inject
    io.crmsync.local.FunctionDispatcher dispatcher;
    @Inject
    WatermarkRepository watermarks;
    @Inject
    MappingCatalog mappings;
    @Inject
    PairingRepository pairings;
    @Inject
    HubSpotClient hubspot;
    @Inject
    SalesforceClient salesforce;

    @Test
    void pollFinding10000ChangedContacts_convergesAndReportsItsCost() {
        int contacts = RealisticApis.intProperty("benchmark.contacts", 10_000);
        int workers = RealisticApis.intProperty("benchmark.sync-workers",
                Benchmarks.maximumConcurrency("SyncBatchFunction"));
        int batchSize = RealisticApis.intProperty("benchmark.sync-batch-size", Benchmarks.batchSize("SyncBatchFunction"));
        RealisticApis apis = RealisticApis.fromSystemProperties();
        // given: leads paired with HubSpot contacts, and the echo of that pairing absorbed by one poll
        SalesforceSandbox sf = SalesforceSandboxTestResource.sandbox();
        sf.setDailyLimit(10_000_000);
        HubSpotSandbox hs = HubSpotSandboxTestResource.resetSandbox();
        apis.applyTo(sf, hs);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                FieldMapping.of("lastname", "LastName"), FieldMapping.of("company", "Company")));
        Instant start = Instant.now().minusSeconds(1);
        for (String key : List.of("contact.Lead", "contact.Contact")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, start, null, start));
        }
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, start, null, start));
        String run = Long.toString(System.nanoTime(), 36);
        List<String> leads = sf.seed("Lead", contacts, i -> Map.of("FirstName", "F" + i, "LastName", "L" + i,
                "Company", "Co", "Email", "bench-" + run + "-" + i + "@example.com"));
        Figures pairing = pollAndConverge(workers, batchSize, hs);
        Figures echo = pollAndConverge(workers, batchSize, hs);
        assertThat(pairings.findBySalesforceIds("contact", leads.subList(0, 100))).hasSize(100);

        // when: users edit every lead, and the next poll runs
        var def = sf.store().schema().object("Lead").orElseThrow();
        for (int i = 0; i < leads.size(); i++) {
            sf.store().update(def, leads.get(i), Map.of("FirstName", "Edited " + i));
        }
        StoreCalls.reset();
        Figures changed = pollAndConverge(workers, batchSize, hs);
        StoreCalls.Snapshot store = StoreCalls.snapshot();

        // then
        String sampleLead = leads.get(contacts * 42 / 100);
        var sample = pairings.findBySalesforceIds("contact", List.of(sampleLead)).get(sampleLead);
        assertThat(hs.record("contact", sample.hubspotId()).orElseThrow())
                .containsEntry("firstname", "Edited " + contacts * 42 / 100);
        System.out.printf("%n=== PollBenchmark: %,d contacts, %d syncBatch workers of up to %d messages per invocation;"
                + " %s; load average %.1f on %d cores ===%n", contacts, workers, batchSize, apis,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("setup: new leads paired     " + pairing);
        System.out.println("setup: echo poll afterwards " + echo);
        System.out.printf("%,d changed contacts     %s%n", contacts, changed);
        double syncSeconds = changed.converged().minus(changed.poll()).toNanos() / 1e9;
        // the sync's own calls: the search pages are the poll's, made before the sync started
        long hsCalls = changed.hubspotCalls().entrySet().stream().filter(e -> !e.getKey().equals("search"))
                .mapToLong(Map.Entry::getValue).sum();
        System.out.printf("sync of the changes: %.1f s after the poll, %.0f records/s; its %d HubSpot calls (the poll's"
                + " searches not counted) at %.1f calls/s = %.2f of the ceiling (%.0f calls/s); from the poll's start"
                + " %.0f records/s%n", syncSeconds, contacts / syncSeconds, hsCalls, hsCalls / syncSeconds,
                hsCalls / syncSeconds / RealisticApis.HUBSPOT_CALLS_PER_SECOND, RealisticApis.HUBSPOT_CALLS_PER_SECOND,
                contacts / (changed.converged().toNanos() / 1e9));
        System.out.printf("DynamoDB calls during the poll and sync of the changes %d (%.1f per record) taking %.1f s summed"
                + " over calls made at once (%.1f s per worker); calls by operation %s, ms by operation %s%n",
                store.totalCalls(), store.totalCalls() / (double) contacts, store.totalMillis() / 1000.0,
                store.totalMillis() / 1000.0 / workers, store.calls(), store.millis());
        System.out.printf("HubSpot pacer waits over the whole run (ms summed over threads): %s%n", hubspot.pacerWaits());
        System.out.printf("HubSpot 429s answered (each retried): %d; failed sync batches: %d%n",
                hs.statuses().count("429"), pairing.failed() + echo.failed() + changed.failed());
    }

    private Figures pollAndConverge(int workers, int batchSize, HubSpotSandbox hs) {
        Map<String, Long> sfBefore = salesforce.calls().snapshot();
        Map<String, Long> hsBefore = hubspot.calls().snapshot();
        long t0 = System.nanoTime();
        // Through Funqy as Lambda runs it, without the mock event server's HTTP read timeout: with real latency a
        // poll of 10,000 changes takes longer than that timeout
        try {
            dispatcher.invoke("poll", JSON.writeValueAsString(scheduled(Instant.now().toString())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long polled = System.nanoTime();
        QueueWorkers.Drain drain = QueueWorkers.drain("SyncBatchesQueue", "syncBatch", workers, batchSize);
        long done = System.nanoTime();
        return new Figures(Duration.ofNanos(polled - t0), Duration.ofNanos(done - t0), drain.handled(), drain.failed(),
                Benchmarks.delta(salesforce.calls().snapshot(), sfBefore),
                Benchmarks.delta(hubspot.calls().snapshot(), hsBefore));
    }

    record Figures(Duration poll, Duration converged, int messages, int failed, Map<String, Long> salesforceCalls,
            Map<String, Long> hubspotCalls) {

        @Override
        public String toString() {
            return String.format("poll %d ms, converged in %d ms, %d messages (%d attempts failed); Salesforce %d calls %s;"
                    + " HubSpot %d calls %s", poll.toMillis(), converged.toMillis(), messages, failed,
                    salesforceCalls.values().stream().mapToLong(Long::longValue).sum(), salesforceCalls,
                    hubspotCalls.values().stream().mapToLong(Long::longValue).sum(), hubspotCalls);
        }
    }
}
