package io.crmsync.integrity;

import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A Salesforce record the integration user cannot read for a while (sharing changed, owner moved it) is not deleted:
 * only getDeleted's word ends a pairing. Otherwise the next change creates a second account for the same company.
 */
@QuarkusTest
class ReadMissTest {

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
    void companyMappings() {
        settings = SettingsSnapshot.companiesByNameAndCity(mappings, segmentSettings);
    }

    @AfterEach
    void restore() {
        settings.restore();
    }

    @Test
    void salesforceRecordUnreadableForAWhile_keepsItsPairing_showsInSyncHealth_andSyncsAgainWithoutADuplicate() {
        // given: a paired company and account
        String tag = unique("hidden");
        String account = salesforce().insert("Account", Map.of("Name", tag, "BillingCity", "Oslo"));
        String company = hubspot().seed("companies", List.of(Map.of("name", tag, "city", "Oslo"))).get(0);
        pairings.create(Pairing.of("company", company, account, SalesforceType.ACCOUNT));
        var store = salesforce().store();
        var def = store.schema().object("Account").orElseThrow();

        // when: the account drops out of the integration user's sight while the company changes
        Map<String, Object> hidden = store.delete(def, account);
        hubspot().faults().clear();
        updateCity(company, "Bergen");
        functions.invoke("syncBatch", batch(tag + "-1", company));

        // then: still paired, and Sync Health says why it did not sync
        assertThat(pairings.findByHubspotId("company", company)).map(Pairing::salesforceId).contains(account);
        JsonNode health = api("GET", "/sync-errors", "object=company", null, 200);
        assertThat(health.toString()).contains(company, account);

        // when: access comes back and the company changes again
        store.restore(def, account, hidden);
        updateCity(company, "Tromso");
        functions.invoke("syncBatch", batch(tag + "-2", company));

        // then: the company synced with the same account (Salesforce wins the city by default), no second one exists
        assertThat(pairings.findByHubspotId("company", company)).map(Pairing::salesforceId).contains(account);
        assertThat(hubspot().record("companies", company).orElseThrow()).containsEntry("city", "Oslo");
        assertThat(store.table(def).values().stream().filter(r -> tag.equals(r.get("Name")))).hasSize(1);
    }

    private static void updateCity(String company, String city) {
        var client = io.restassured.RestAssured.given().baseUri(hubspot().baseUrl()).header("Authorization", "Bearer t")
                .contentType("application/json").body("{\"properties\":{\"city\":\"" + city + "\"}}");
        client.patch("/crm/v3/objects/companies/" + company).then().statusCode(200);
    }

    private static String batch(String id, String company) {
        return "{\"batchId\":\"" + id + "\",\"object\":\"company\",\"reason\":\"POLL\",\"records\":[{\"hubspotId\":\""
                + company + "\"}]}";
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
