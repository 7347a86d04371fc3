package io.crmsync.benchmark;

import static io.crmsync.imports.ImportTestSupport.api;
import static io.crmsync.imports.ImportTestSupport.purgeQueues;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.imports.ImportTestSupport;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.QueueWorkers;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Not a test: imports 100,000 contacts through the real pipeline (api function, import queue, importChunk function run
 * by as many workers as the template's {@code MaximumConcurrency}, DynamoDB Local, both sandboxes answering with the
 * real APIs' latency and HubSpot's burst limit, see {@link RealisticApis}) and prints what it cost. Run with
 * {@code ./mvnw test -Dtest=ImportBenchmark -Dgroups=benchmark -DexcludedGroups=}; {@code -Dbenchmark.contacts=10000}
 * for a shorter run, {@code -Dbenchmark.import-workers=n} for another concurrency.
 */
@QuarkusTest
@Tag("benchmark")
class ImportBenchmark {

    @Inject
    SalesforceClient salesforceClient;
    @Inject
    HubSpotClient hubspotClient;

    @Test
    void import100kContacts() {
        int contacts = RealisticApis.intProperty("benchmark.contacts", 100_000);
        int workers = RealisticApis.intProperty("benchmark.import-workers",
                Benchmarks.maximumConcurrency("ImportChunkFunction"));
        RealisticApis apis = RealisticApis.fromSystemProperties();
        SalesforceSandbox salesforce = SalesforceSandboxTestResource.sandbox();
        salesforce.reset();
        HubSpotSandbox hubspot = HubSpotSandboxTestResource.resetSandbox();
        purgeQueues();
        salesforce.seed("Contact", contacts, i -> Map.of("LastName", "B" + i, "Email", "bench" + i + "@example.com"));
        apis.applyTo(salesforce, hubspot);
        long sfBefore = salesforce.apiCallsUsed();
        long hsBefore = hubspotClient.calls().total();
        Map<String, Long> hsFailuresBefore = hubspotClient.failures().snapshot();

        long started = System.nanoTime();
        var answer = api("POST", "/imports", null, "{\"object\":\"contacts\"}");
        var drain = QueueWorkers.drain("ImportChunksQueue", "importChunk", workers);
        double seconds = (System.nanoTime() - started) / 1e9;

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
        System.out.printf("wall time %.1f s, %.0f records/s = %.2f of HubSpot's ceiling (%.0f records/s)%n", seconds,
                perSecond, perSecond / RealisticApis.CEILING_RECORDS_PER_SECOND, RealisticApis.CEILING_RECORDS_PER_SECOND);
        System.out.printf("Salesforce API calls %d (%.2f per 1,000 records) by kind %s%n", sfCalls,
                sfCalls * 1000.0 / contacts, salesforceClient.calls().snapshot());
        System.out.printf("HubSpot API calls %d (%.2f per 1,000 records, %.1f calls/s) by kind %s%n", hsCalls,
                hsCalls * 1000.0 / contacts, hsCalls / seconds, hubspotClient.calls().snapshot());
        System.out.printf("HubSpot 429s answered (each retried) %d; failed answers by kind %s; records failed %d%n",
                hubspot.statuses().count("429"), Benchmarks.delta(hubspotClient.failures().snapshot(), hsFailuresBefore),
                job.getInt("failed"));
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(hubspot.count("contacts")).isEqualTo(contacts);
    }
}
