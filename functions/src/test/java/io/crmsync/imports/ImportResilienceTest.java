package io.crmsync.imports;

import static io.crmsync.imports.ImportTestSupport.api;
import static io.crmsync.imports.ImportTestSupport.contact;
import static io.crmsync.imports.ImportTestSupport.drainDeadLetters;
import static io.crmsync.imports.ImportTestSupport.drainImportQueue;
import static io.crmsync.imports.ImportTestSupport.startClean;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceFault;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ImportResilienceTest {

    @Inject
    PairingRepository pairings;
    @Inject
    SyncErrorRepository syncErrors;
    @Inject
    ImportsConfig imports;

    SalesforceSandbox salesforce;
    HubSpotSandbox hubspot;

    @BeforeEach
    void reset() {
        startClean();
        salesforce = SalesforceSandboxTestResource.sandbox();
        hubspot = HubSpotSandboxTestResource.sandbox();
    }

    @Test
    void salesforce5xxOnOnePage_failsThatDelivery_andTheRetryCompletesWithExactCounters() {
        // given a page and 100 contacts (2 pages); the second page's query answers 503 beyond the client's own retries
        int total = imports.pageSize() + 100;
        salesforce.seed("Contact", total, i -> contact(i, "r" + i + "@example.com"));
        String id = start("{\"object\":\"contacts\"}");
        var first = drainOne();
        assertThat(first.failed()).isZero();
        salesforce.faults().failNext(4, SalesforceFault.serverUnavailable());

        // when
        var rest = drainImportQueue();

        // then
        assertThat(rest.failed()).isEqualTo(1);
        var job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("processed")).isEqualTo(total);
        assertThat(job.getInt("created")).isEqualTo(total);
        assertThat(hubspot.count("contacts")).isEqualTo(total);
    }

    @Test
    void exhaustedBudget_pausesTheJob_andItResumesByItselfWhenBudgetReturns() {
        // given the org's daily calls are used up after the import started (one page and a quarter: 2 pages)
        int total = imports.pageSize() * 5 / 4;
        salesforce.seed("Contact", total, i -> contact(i, "b" + i + "@example.com"));
        String id = start("{\"object\":\"contacts\"}");
        salesforce.exhaustBudget();

        // when
        drainOne();

        // then
        var paused = api("GET", "/imports/" + id, null, null).body();
        assertThat(paused.getString("status")).isEqualTo("PAUSED_API_BUDGET");
        assertThat(paused.getString("pausedUntil")).isNotNull();
        assertThat(paused.getInt("processed")).isZero();
        assertThat(hubspot.count("contacts")).isZero();

        // when the budget returns (the page was re-queued with the configured 1 s re-check)
        salesforce.setDailyLimit(1_000_000);
        var resumed = drainImportQueue(3);

        // then
        assertThat(resumed.handled()).isGreaterThanOrEqualTo(2);
        var job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getString("pausedUntil")).isNull();
        assertThat(job.getInt("created")).isEqualTo(total);
    }

    @Test
    void budgetBelowTheReserve_pausesBeforeReadingAPage() {
        // given the last Salesforce answer said 9 of 50 daily calls are left: below the 20% reserve, not exhausted
        salesforce.seed("Contact", 50, i -> contact(i, "q" + i + "@example.com"));
        String id = start("{\"object\":\"contacts\"}");
        salesforce.setDailyLimit(50);
        while (salesforce.remaining() > 9) {
            // each review is one COUNT() call, and its answer carries the usage in Sforce-Limit-Info
            api("POST", "/imports/review", null, "{\"object\":\"contacts\"}");
        }
        long before = salesforce.apiCallsUsed();

        // when
        drainOne();

        // then no page was read and the job waits
        assertThat(api("GET", "/imports/" + id, null, null).body().getString("status")).isEqualTo("PAUSED_API_BUDGET");
        assertThat(salesforce.apiCallsUsed() - before).isLessThanOrEqualTo(1); // at most one /limits refresh
        assertThat(hubspot.count("contacts")).isZero();
        assertThat(salesforce.remaining()).isPositive();

        // and it finishes once the budget is back (this also leaves no delayed message for the next test)
        salesforce.setDailyLimit(1_000_000);
        drainImportQueue(3);
        assertThat(api("GET", "/imports/" + id, null, null).body().getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void aChunkFailingOnEveryDelivery_landsInTheDeadLetterQueue_andTheJobShowsFailedWithTheReason() {
        // given
        salesforce.seed("Contact", 10, i -> contact(i, "f" + i + "@example.com"));
        String id = start("{\"object\":\"contacts\"}");
        salesforce.faults().failNext(1_000, SalesforceFault.serverUnavailable());

        // when every delivery fails until the redrive limit (5) moves the message to the dead-letter queue
        var drain = drainImportQueue();
        salesforce.faults().clear();
        var deadLetters = drainDeadLetters();

        // then
        assertThat(drain.failed()).isEqualTo(5);
        assertThat(deadLetters.handled()).isEqualTo(1);
        var job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("FAILED");
        assertThat(job.getString("failureReason")).contains("Page 1 failed").contains("unavailable");
        assertThat(job.getString("finishedAt")).isNotNull();
    }

    @Test
    void invalidEmails_areRecordedAsSyncErrors_andTheChunkCarriesOn() {
        // given 300 contacts, 3 with an email HubSpot refuses
        List<String> ids = salesforce.seed("Contact", 300, i -> contact(i, i % 100 == 5 ? "not-an-email-" + i
                : "v" + i + "@example.com"));
        String id = start("{\"object\":\"contacts\"}");

        // when
        drainImportQueue();

        // then
        var job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(job.getInt("created")).isEqualTo(297);
        assertThat(job.getInt("failed")).isEqualTo(3);
        assertThat(job.getMap("errors")).containsEntry("INVALID_EMAIL", 3);
        assertThat(hubspot.count("contacts")).isEqualTo(297);
        assertThat(syncErrors.find("contact", null, ids.get(5), "INVALID_EMAIL")).hasValueSatisfying(e ->
                assertThat(e.message()).contains("not-an-email-5"));
    }

    @Test
    void cancel_stopsAfterTheChunkInFlight() {
        // given an import with 2 pages, the first one done
        salesforce.seed("Contact", imports.pageSize() + 100, i -> contact(i, "x" + i + "@example.com"));
        String id = start("{\"object\":\"contacts\"}");
        drainOne();

        // when
        assertThat(api("POST", "/imports/" + id + "/cancel", null, null).status()).isEqualTo(202);
        drainImportQueue();

        // then
        var job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("CANCELLED");
        assertThat(job.getInt("processed")).isEqualTo(imports.pageSize());
        assertThat(hubspot.count("contacts")).isEqualTo(imports.pageSize());
    }

    /** Handles exactly one message, as one Lambda invocation would. */
    private static ImportTestSupport.Drain drainOne() {
        String body = ImportTestSupport.takeOnly(ImportTestSupport.queue("ImportChunksQueue"));
        io.quarkus.arc.Arc.container().instance(io.crmsync.local.FunctionDispatcher.class).get()
                .invoke("importChunk", body);
        return new ImportTestSupport.Drain(1, 0);
    }

    private static String start(String definition) {
        var answer = api("POST", "/imports", null, definition);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        return answer.body().getString("importId");
    }
}
