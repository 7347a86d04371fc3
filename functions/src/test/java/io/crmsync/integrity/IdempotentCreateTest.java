package io.crmsync.integrity;

import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Records created in the other CRM by the sync worker ({@code syncBatch}): never paired with the wrong partner, never
 * created twice, whatever is lost or repeated on the way, and a refused create is visible in Sync Health.
 */
@QuarkusTest
class IdempotentCreateTest {

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segmentSettings;
    @Inject
    PairingRepository pairings;
    @Inject
    FunctionDispatcher functions;

    private SettingsSnapshot settings;

    @BeforeEach
    void noCompanySegment() {
        settings = SettingsSnapshot.take(mappings, segmentSettings, "company");
        segmentSettings.choose("company", null);
        mappings.replace("company", List.of(FieldMapping.of("name", "Name"), FieldMapping.of("city", "BillingCity"),
                FieldMapping.of("external_id", "Phone")));
    }

    @AfterEach
    void restore() {
        hubspot().faults().clear();
        salesforce().faults().clear();
        settings.restore();
    }

    @Test
    void companiesCreatedInHubSpot_oneRefusedInput_everyOtherRecordPairsWithItsOwnPartner_andTheRefusalIsInSyncHealth() {
        // given: three accounts; HubSpot will refuse the second (its external id is taken by another company)
        String tag = unique("shift");
        String taken = "555-" + tag;
        hubspot().seed("companies", List.of(Map.of("name", "Someone else " + tag, "external_id", taken)));
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            accounts.add(salesforce().insert("Account", Map.of("Name", tag + " account " + i,
                    "Phone", i == 1 ? taken : "555-" + tag + "-" + i)));
        }

        // when
        functions.invoke("syncBatch", batch(tag, "POLL", accounts.stream().map(id -> salesforceRef(id)).toList()));

        // then: every pairing joins a company to the account it was made from
        for (int i : new int[] { 0, 2 }) {
            Pairing p = pairings.findBySalesforceId("company", accounts.get(i)).orElseThrow();
            assertThat(hubspot().record("companies", p.hubspotId()).orElseThrow())
                    .containsEntry("name", tag + " account " + i);
        }
        assertThat(pairings.findBySalesforceId("company", accounts.get(1))).isEmpty();
        JsonNode health = api("GET", "/sync-errors", "object=company", null, 200);
        assertThat(health.toString()).contains(accounts.get(1));
    }

    @Test
    void lostAnswerToAHubSpotCreate_retriedAndRedelivered_leavesOneCompany_pairedWithItsAccount() {
        // given: HubSpot creates the company but its answer never arrives
        String tag = unique("lost-hs");
        String account = salesforce().insert("Account", Map.of("Name", tag, "Phone", "555-" + tag));
        hubspot().faults().loseNextAnswers(1, "/batch/create");
        String message = batch(tag, "POLL", List.of(salesforceRef(account)));

        // when: the worker runs, and SQS delivers the batch again
        catchThrowable(() -> functions.invoke("syncBatch", message));
        functions.invoke("syncBatch", message);

        // then
        List<Map<String, String>> companies = hubspot().find("companies", "name", tag);
        assertThat(companies).hasSize(1);
        Pairing p = pairings.findBySalesforceId("company", account).orElseThrow();
        assertThat(p.hubspotId()).isEqualTo(companies.get(0).get("hs_object_id"));
    }

    @Test
    void lostAnswerToASalesforceCreate_retriedAndRedelivered_leavesOneAccount_pairedWithItsCompany() {
        // given: Salesforce creates the account but its answer never arrives
        String tag = unique("lost-sf");
        String company = hubspot().seed("companies", List.of(Map.of("name", tag, "city", "Lyon"))).get(0);
        salesforce().faults().loseNextAnswers(1, "/composite/sobjects");
        String message = batch(tag, "POLL", List.of(hubspotRef(company)));

        // when
        catchThrowable(() -> functions.invoke("syncBatch", message));
        functions.invoke("syncBatch", message);

        // then
        List<String> accounts = accountsNamed(tag);
        assertThat(accounts).hasSize(1);
        assertThat(pairings.findByHubspotId("company", company).orElseThrow().salesforceId()).isEqualTo(accounts.get(0));
    }

    @Test
    void sameUnpairedCompany_inAPollAndARetryBatchAtOnce_isCreatedOnceInSalesforce() throws Exception {
        // given: Salesforce answers slowly, so both workers are between "not paired yet" and "paired" together
        String tag = unique("race");
        String company = hubspot().seed("companies", List.of(Map.of("name", tag))).get(0);
        salesforce().faults().latency(java.time.Duration.ofMillis(300));

        // when
        var poll = CompletableFuture.runAsync(() -> functions.invoke("syncBatch",
                batch(tag + "-p", "POLL", List.of(hubspotRef(company)))));
        var retry = CompletableFuture.runAsync(() -> functions.invoke("syncBatch",
                batch(tag + "-r", "RETRY", List.of(hubspotRef(company)))));
        catchThrowable(() -> CompletableFuture.allOf(poll, retry).join());

        // then
        List<String> accounts = accountsNamed(tag);
        assertThat(accounts).hasSize(1);
        assertThat(pairings.findByHubspotId("company", company).orElseThrow().salesforceId()).isEqualTo(accounts.get(0));
    }

    @Test
    void importOfAccounts_thePollerAlreadyPaired_createsNoSecondCompany() {
        // given: the sync created and paired a company for an account
        String tag = unique("imported");
        String account = salesforce().insert("Account", Map.of("Name", tag, "Phone", "555-" + tag));
        functions.invoke("syncBatch", batch(tag, "POLL", List.of(salesforceRef(account))));
        String company = pairings.findBySalesforceId("company", account).orElseThrow().hubspotId();

        // when: the user imports companies afterwards
        var started = io.crmsync.imports.ImportTestSupport.api("POST", "/imports", null,
                "{\"object\":\"accounts\",\"filters\":[{\"field\":\"Name\",\"operator\":\"eq\",\"value\":\""
                        + tag + "\"}]}");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(io.crmsync.imports.ImportTestSupport.drainImportQueue().failed()).isZero();

        // then: the import updated that company
        assertThat(hubspot().find("companies", "name", tag)).hasSize(1);
        assertThat(pairings.findBySalesforceId("company", account).orElseThrow().hubspotId()).isEqualTo(company);
    }

    private List<String> accountsNamed(String name) {
        var store = salesforce().store();
        var account = store.schema().object("Account").orElseThrow();
        return store.table(account).entrySet().stream().filter(e -> name.equals(e.getValue().get("Name")))
                .map(Map.Entry::getKey).toList();
    }

    private static String batch(String id, String reason, List<String> refs) {
        return "{\"batchId\":\"" + id + "\",\"object\":\"company\",\"reason\":\"" + reason + "\",\"records\":["
                + String.join(",", refs) + "]}";
    }

    private static String salesforceRef(String id) {
        return "{\"salesforceId\":\"" + id + "\"}";
    }

    private static String hubspotRef(String id) {
        return "{\"hubspotId\":\"" + id + "\"}";
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
