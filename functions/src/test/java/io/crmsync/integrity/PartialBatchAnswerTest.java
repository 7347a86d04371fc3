package io.crmsync.integrity;

import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.PairingRepository;
import io.crmsync.testing.EmbeddedAwsTestResource;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.QueueWorkers;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A HubSpot batch answer that names an input neither among its results nor among its errors: crm-sync cannot tell
 * whether that record was written, so it must not count it as synced; Sync Health says so, and the pairing keeps
 * the values last synced so that a retry writes it again.
 */
@QuarkusTest
class PartialBatchAnswerTest {

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segmentSettings;
    @Inject
    PairingRepository pairings;

    private SettingsSnapshot settings;

    @BeforeEach
    void companiesWithoutSegment() {
        settings = SettingsSnapshot.companiesByNameAndCity(mappings, segmentSettings);
    }

    @AfterEach
    void restore() {
        given().baseUri(hubspot().baseUrl()).delete("/sandbox/faults").then().statusCode(204);
        settings.restore();
    }

    @Test
    void batchUpdateAnswerLeavesARecordOut_itIsNotCountedAsSynced_andSyncHealthSaysSo() {
        // given: two paired accounts, both moved to another city in Salesforce
        String tag = unique("partial");
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            accounts.add(salesforce().insert("Account", Map.of("Name", tag + " " + i, "BillingCity", "Brest")));
        }
        syncBatch(tag + "-create", accounts);
        accounts.forEach(id -> assertThat(pairings.findBySalesforceId("company", id)).isPresent());
        var accountType = salesforce().store().schema().object("Account").orElseThrow();
        accounts.forEach(id -> salesforce().store().update(accountType, id, Map.of("BillingCity", "Lyon")));

        // when: HubSpot's next batch update answer leaves its last result out
        given().baseUri(hubspot().baseUrl()).contentType("application/json")
                .body("{\"dropLastResult\":{\"calls\":1,\"path\":\"/batch/update\"}}")
                .put("/sandbox/faults").then().statusCode(204);
        syncBatch(tag + "-update", accounts);

        // then: exactly one record is unaccounted for, named in Sync Health, and its pairing was not moved on
        String health = api("GET", "/sync-errors", "object=company", null, 200).toString();
        List<String> unaccounted = accounts.stream().filter(health::contains).toList();
        assertThat(unaccounted).as(health).hasSize(1);
        assertThat(health).contains("neither among its results nor among its errors");
        String omitted = unaccounted.get(0);
        assertThat(pairings.findBySalesforceId("company", omitted).orElseThrow().salesforceValues())
                .containsEntry("BillingCity", "Brest");
        String answered = accounts.stream().filter(id -> !id.equals(omitted)).findFirst().orElseThrow();
        assertThat(pairings.findBySalesforceId("company", answered).orElseThrow().salesforceValues())
                .containsEntry("BillingCity", "Lyon");
    }

    private static void syncBatch(String batchId, List<String> salesforceIds) {
        StringBuilder refs = new StringBuilder();
        for (String id : salesforceIds) {
            refs.append(refs.isEmpty() ? "" : ",").append("{\"salesforceId\":\"").append(id).append("\"}");
        }
        String queue = EmbeddedAwsTestResource.aws().queueUrl("SyncBatchesQueue");
        try (var sqs = EmbeddedAwsTestResource.aws().newSqsClient()) {
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"batchId\":\"" + batchId + "\",\"object\":\"company\","
                    + "\"reason\":\"POLL\",\"records\":[" + refs + "]}"));
        }
        assertThat(QueueWorkers.drain("SyncBatchesQueue", "syncBatch", 1).failed()).isZero();
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
