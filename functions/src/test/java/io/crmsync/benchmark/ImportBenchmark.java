package io.crmsync.benchmark;

import static io.crmsync.imports.ImportTestSupport.api;
import static io.crmsync.imports.ImportTestSupport.drainImportQueue;
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
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Not a test: imports 100,000 contacts through the real pipeline (api function, import queue, importChunk function,
 * DynamoDB Local, both sandboxes) and prints what it cost. Run with
 * {@code ./mvnw test -Dtest=ImportBenchmark -Dgroups=benchmark -DexcludedGroups=}.
 */
@QuarkusTest
@Tag("benchmark")
class ImportBenchmark {

    static final int CONTACTS = 100_000;

    @Inject
    SalesforceClient salesforceClient;
    @Inject
    HubSpotClient hubspotClient;

    @Test
    void import100kContacts() {
        SalesforceSandbox salesforce = SalesforceSandboxTestResource.sandbox();
        salesforce.reset();
        HubSpotSandbox hubspot = HubSpotSandboxTestResource.resetSandbox();
        purgeQueues();
        salesforce.seed("Contact", CONTACTS, i -> Map.of("LastName", "B" + i, "Email", "bench" + i + "@example.com"));
        long sfBefore = salesforce.apiCallsUsed();
        long hsBefore = hubspotClient.calls().total();

        long started = System.nanoTime();
        var answer = api("POST", "/imports", null, "{\"object\":\"contacts\"}");
        var drain = drainImportQueue();
        double seconds = (System.nanoTime() - started) / 1e9;

        String id = answer.body().getString("importId");
        var job = api("GET", "/imports/" + id, null, null).body();
        long sfCalls = salesforce.apiCallsUsed() - sfBefore;
        long hsCalls = hubspotClient.calls().total() - hsBefore;
        int queuedForSync = ImportTestSupport.syncRecordsQueued();
        System.out.printf("%n=== ImportBenchmark: %,d contacts ===%n", CONTACTS);
        System.out.printf("status %s, created %d, chunks %d, queued for sync %d%n", job.getString("status"),
                job.getInt("created"), drain.handled(), queuedForSync);
        System.out.printf("wall time %.1f s, %.0f records/s%n", seconds, CONTACTS / seconds);
        System.out.printf("Salesforce API calls %d (%.2f per 1,000 records) by kind %s%n", sfCalls,
                sfCalls * 1000.0 / CONTACTS, salesforceClient.calls().snapshot());
        System.out.printf("HubSpot API calls %d (%.2f per 1,000 records) by kind %s%n", hsCalls,
                hsCalls * 1000.0 / CONTACTS, hubspotClient.calls().snapshot());
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(hubspot.count("contacts")).isEqualTo(CONTACTS);
    }
}
