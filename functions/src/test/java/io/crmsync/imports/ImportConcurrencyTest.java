package io.crmsync.imports;

import static io.crmsync.imports.ImportTestSupport.api;
import static io.crmsync.imports.ImportTestSupport.contact;
import static io.crmsync.imports.ImportTestSupport.drainImportQueue;
import static io.crmsync.imports.ImportTestSupport.queue;
import static io.crmsync.imports.ImportTestSupport.receiveAll;
import static io.crmsync.imports.ImportTestSupport.startClean;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.store.PairingRepository;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.LambdaEvents;
import io.crmsync.testing.QueueWorkers;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * An import keeps several HubSpot calls in flight and several pages in progress, without losing a record, counting
 * one twice or letting a 429 through: what makes it run at HubSpot's rate limit once calls take real time.
 */
@QuarkusTest
class ImportConcurrencyTest {

    @Inject
    PairingRepository pairings;
    @Inject
    ImportsConfig imports;

    SalesforceSandbox salesforce;
    HubSpotSandbox hubspot;

    @BeforeEach
    void clean() {
        startClean();
        salesforce = SalesforceSandboxTestResource.sandbox();
        hubspot = HubSpotSandboxTestResource.sandbox();
    }

    @AfterEach
    void noLatency() {
        hubspot.faults().clear();
        salesforce.faults().clear();
        HubSpotSandboxTestResource.resetSandbox();
    }

    @Test
    void importChunk_keepsSeveralHubSpotCallsInFlight_underTheSharedPacer() {
        // given one full page of contacts (500 in tests: 5 batch upserts) and HubSpot answering in 100 ms
        int page = imports.pageSize();
        salesforce.seed("Contact", page, i -> contact(i, "par" + i + "@example.com"));
        hubspot.faults().latency(Duration.ofMillis(100));
        hubspot.inFlight().resetPeak();

        // when
        JsonPath job = runImport(() -> drainImportQueue());

        // then its batch upserts overlapped, and none was refused
        assertThat(hubspot.inFlight().peak()).isGreaterThanOrEqualTo(4);
        assertThat(hubspot.served().count("objects.batch.upsert")).isEqualTo(page / 100);
        assertThat(hubspot.statuses().count("429")).isZero();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(hubspot.count("contacts")).isEqualTo(page);
    }

    @Test
    void pagesOfOneImport_runOnSeveralWorkersAtOnce_andTheJobCompletesAfterAllOfThem() {
        // given 3 pages of contacts (2 full, 1 a quarter), Salesforce answering a query page in 100 ms and HubSpot in
        // 300 ms: a page takes longer to write than the next two take to read, as with real pages of 2,000
        int total = imports.pageSize() * 9 / 4;
        List<String> ids = salesforce.seed("Contact", total, i -> contact(i, "pages" + i + "@example.com"));
        salesforce.faults().latency(SalesforceSandbox.QUERY_LATENCY, Duration.ofMillis(100));
        hubspot.faults().latency(Duration.ofMillis(300));

        // when three workers drain the import queue, as Lambda does with MaximumConcurrency 3
        QueueWorkers.Drain[] drain = new QueueWorkers.Drain[1];
        JsonPath job = runImport(() -> drain[0] = QueueWorkers.drain("ImportChunksQueue", "importChunk", 3));

        // then pages overlapped, and the job completed once, with every record counted exactly once
        assertThat(drain[0].peakConcurrency()).isEqualTo(3);
        assertThat(drain[0].failed()).isZero();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("created")).isEqualTo(total);
        assertThat(job.getInt("processed")).isEqualTo(total);
        assertThat(hubspot.count("contacts")).isEqualTo(total);
        assertThat(pairings.findBySalesforceIds("contact", ids.subList(total - 100, total))).hasSize(100);
    }

    @Test
    void largeImport_readsTheRestOfThePhaseInIdRangesAtOnce_andImportsEachRecordExactlyOnce() {
        // given 1,750 contacts (3 1/2 test pages of 500), at or over the size (1,200 in tests) from which a phase is
        // read in 4 Id ranges
        List<String> ids = salesforce.seed("Contact", 1_750, i -> contact(i, "range" + i + "@example.com"));
        long salesforceBefore = salesforce.apiCallsUsed();
        String id = api("POST", "/imports", null, "{\"object\":\"contacts\"}").body().getString("importId");

        // when the first page is imported
        List<String> first = receiveAll(queue("ImportChunksQueue"), 0);
        assertThat(first).hasSize(1);
        assertThat(LambdaEvents.deliverEach("importChunk", LambdaEvents.sqsBatch("arn:aws:sqs:us-east-1:000000000000:"
                + "crm-sync-import-chunks", first))).isEmpty();

        // then it queued the rest of the phase as 4 ranges to read at once, not one next page
        List<String> fannedOut = receiveAll(queue("ImportChunksQueue"), 0);
        assertThat(fannedOut).hasSize(4);
        assertThat(fannedOut).allSatisfy(m -> assertThat(m).contains("\"chains\":4"));

        // and when those are imported by 4 workers, every record is imported once and the job completes once
        LambdaEvents.deliverEach("importChunk", LambdaEvents.sqsBatch("arn:aws:sqs:us-east-1:000000000000:"
                + "crm-sync-import-chunks", fannedOut));
        QueueWorkers.Drain rest = QueueWorkers.drain("ImportChunksQueue", "importChunk", 4);
        assertThat(rest.failed()).isZero();
        JsonPath job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("created")).isEqualTo(1_750);
        assertThat(job.getInt("processed")).isEqualTo(1_750);
        assertThat(hubspot.count("contacts")).isEqualTo(1_750);
        assertThat(pairings.findBySalesforceIds("contact", ids)).hasSize(1_750);
        // and it cost one query for the phase's last Id and one partial page per range beyond the pages themselves
        assertThat(salesforce.apiCallsUsed() - salesforceBefore).isLessThanOrEqualTo(2 + 4 + 1 + 4);
    }

    @Test
    void parallelCallsThatOverrunTheLimit_areRetriedAfterTheWindow_andNoRecordFails() {
        // given a portal allowing 3 calls in 3 s, which this process has not learned yet (as a second Lambda
        // instance sharing the portal would not): a page's parallel calls (5 batch upserts for a page of 500)
        // overrun the limit (a window of 3 s, not 1 s, so that they overrun it even on a loaded machine that spreads
        // them out)
        int page = imports.pageSize();
        salesforce.seed("Contact", page, i -> contact(i, "limit" + i + "@example.com"));
        hubspot.rateLimits().window(Duration.ofSeconds(3), 3);
        hubspot.faults().latency(Duration.ofMillis(50));

        // when
        JsonPath job = runImport(() -> drainImportQueue());

        // then the 429s were answered and retried, and none reached a record or the job
        assertThat(hubspot.statuses().count("429")).isPositive();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("failed")).isZero();
        assertThat(hubspot.count("contacts")).isEqualTo(page);
    }

    private static JsonPath runImport(Runnable drain) {
        String id = api("POST", "/imports", null, "{\"object\":\"contacts\"}").body().getString("importId");
        drain.run();
        return api("GET", "/imports/" + id, null, null).body();
    }
}
