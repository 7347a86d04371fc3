package io.crmsync.health;

import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.discardSyncQueue;
import static io.crmsync.resync.ResyncFixtures.drainSyncQueue;
import static io.crmsync.resync.ResyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Sync Health through the api function: the errors list, retrying errors, API usage, pairings. */
@QuarkusTest
class SyncHealthTest {

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segmentSettings;
    @Inject
    PairingRepository pairings;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    FunctionDispatcher functions;

    private SettingsSnapshot settings;

    @BeforeEach
    void rememberSettings() {
        settings = SettingsSnapshot.take(mappings, segmentSettings, "contact", "deal");
    }

    @AfterEach
    void restoreSettings() {
        settings.restore();
    }

    @Test
    void failedRecord_isListedByCategory_andARetryAfterTheFix_resolvesIt() {
        // given: a deal whose negative amount Salesforce's validation rule refuses
        Pairing deal = pairedDeal();
        hubspotClient.batchUpdate("deal", List.of(new ObjectUpdate(deal.hubspotId(), Map.of("amount", "-5"))));
        syncDeal(deal.hubspotId());

        // when
        JsonNode listed = api("GET", "/sync-errors", "object=deal&category=CUSTOM_CODE", null, 200);

        // then
        JsonNode group = listed.path("objects").get(0).path("categories").get(0);
        assertThat(group.path("category").asText()).isEqualTo("CUSTOM_CODE");
        assertThat(group.path("count").asLong()).isPositive();
        JsonNode error = find(group.path("errors"), deal.hubspotId());
        assertThat(error.path("salesforceId").asText()).isEqualTo(deal.salesforceId());
        assertThat(error.path("message").asText()).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(error.path("attempts").asLong()).isEqualTo(1);
        assertThat(error.path("firstSeen").asText()).isNotBlank();
        assertThat(error.path("lastSeen").asText()).isNotBlank();

        // when: retried before the fix, it fails again and counts another attempt
        discardSyncQueue();
        JsonNode queued = api("POST", "/sync-errors/retry", null, "{\"ids\":[\"" + error.path("id").asText() + "\"]}", 202);
        assertThat(queued.path("records").asLong()).isEqualTo(1);
        drainSyncQueue(functions);
        assertThat(find(errorsOf(deal), deal.hubspotId()).path("attempts").asLong()).isEqualTo(2);

        // when: the user fixes the amount in HubSpot, then retries the category
        hubspotClient.batchUpdate("deal", List.of(new ObjectUpdate(deal.hubspotId(), Map.of("amount", "50"))));
        api("POST", "/sync-errors/retry", null, "{\"object\":\"deal\",\"category\":\"CUSTOM_CODE\"}", 202);
        drainSyncQueue(functions);

        // then
        assertThat(errorsOf(deal).findValuesAsText("hubspotId")).doesNotContain(deal.hubspotId());
        assertThat((BigDecimal) salesforce().record("Opportunity", deal.salesforceId()).get("Amount"))
                .isEqualByComparingTo("50");
        JsonNode pairing = api("GET", "/pairings/deal/" + deal.hubspotId(), null, null, 200);
        assertThat(pairing.path("hubspotValues").path("amount").asText()).isEqualTo("50");
    }

    @Test
    void errorOfARecordAPollSyncedSinceTheFix_isResolvedByItsRetry() {
        // given: a deal whose sync failed, then fixed in HubSpot and synced by the next poll before anyone retried
        Pairing deal = pairedDeal();
        hubspotClient.batchUpdate("deal", List.of(new ObjectUpdate(deal.hubspotId(), Map.of("amount", "-5"))));
        syncDeal(deal.hubspotId());
        String id = find(errorsOf(deal), deal.hubspotId()).path("id").asText();
        hubspotClient.batchUpdate("deal", List.of(new ObjectUpdate(deal.hubspotId(), Map.of("amount", "75"))));
        syncDeal(deal.hubspotId());
        assertThat((BigDecimal) salesforce().record("Opportunity", deal.salesforceId()).get("Amount"))
                .isEqualByComparingTo("75");

        // when the user retries the error Sync Health still lists: the record has nothing left to write
        discardSyncQueue();
        api("POST", "/sync-errors/retry", null, "{\"ids\":[\"" + id + "\"]}", 202);
        drainSyncQueue(functions);

        // then the record is in sync, and its error leaves the list
        assertThat(errorsOf(deal).findValuesAsText("hubspotId")).doesNotContain(deal.hubspotId());
    }

    @Test
    void retry_ofAnUnknownError_answers404_andQueuesNothing() {
        // given
        discardSyncQueue();

        // when / then
        assertThat(api("POST", "/sync-errors/retry", null, "{\"ids\":[\"deal~1~-~CUSTOM_CODE\"]}", 404)
                .path("error").path("code").asText()).isEqualTo("ERROR_NOT_FOUND");
        assertThat(api("POST", "/sync-errors/retry", null, "{\"ids\":[\"nonsense\"]}", 400)
                .path("error").path("field").asText()).isEqualTo("ids[0]");
        assertThat(api("GET", "/sync-errors", "category=TYPO", null, 400).path("error").path("message").asText())
                .contains("TYPO", "PROPERTY_VALUE");
        assertThat(discardSyncQueue()).isZero();
    }

    @Test
    void apiUsage_movesExactlyAsTheSandboxesCounted_andShowsLimitsAndHeadroom() {
        // given
        JsonNode before = api("GET", "/api-usage", null, null, 200);
        long sfBefore = salesforce().apiCallsUsed();
        long hsBefore = hubspot().served().total();

        // when: a sync batch and an on-demand resync spend calls on both sides
        Pairing deal = pairedDeal();
        api("POST", "/resync", null, "{\"object\":\"deal\",\"hubspotId\":\"" + deal.hubspotId() + "\"}", 200);
        JsonNode after = api("GET", "/api-usage", null, null, 200);

        // then
        long sfCounted = salesforce().apiCallsUsed() - sfBefore;
        long hsCounted = hubspot().served().total() - hsBefore;
        System.out.printf("API usage moved by Salesforce %d (sandbox %d), HubSpot %d (sandbox %d)%n",
                delta(before, after, "salesforce"), sfCounted, delta(before, after, "hubspot"), hsCounted);
        assertThat(sfCounted).isPositive();
        assertThat(delta(before, after, "salesforce")).isEqualTo(sfCounted);
        assertThat(delta(before, after, "hubspot")).isEqualTo(hsCounted);
        JsonNode sf = after.path("salesforce");
        assertThat(sf.path("orgDailyLimit").asLong()).isEqualTo(salesforce().apiCallsUsed() + salesforce().remaining());
        assertThat(sf.path("allocation").asLong()).isEqualTo(100_000);
        assertThat(sf.path("reserve").asLong()).isEqualTo(1_000);
        assertThat(sf.path("byKind").path("collections.retrieve").asLong()).isPositive();
        assertThat(after.path("hubspot").path("rateLimit").path("max").asInt()).isPositive();
    }

    @Test
    void pairing_isFoundByEitherSidesId_andUnknownIdsAnswer404() {
        // given
        Pairing deal = pairedDeal();

        // when
        JsonNode byHubSpot = api("GET", "/pairings/deal/" + deal.hubspotId(), null, null, 200);
        JsonNode bySalesforce = api("GET", "/pairings/deal/" + deal.salesforceId(), null, null, 200);

        // then
        assertThat(byHubSpot).isEqualTo(bySalesforce);
        assertThat(byHubSpot.path("salesforceValues").path("Amount").asText()).isEqualTo("100");
        assertThat(byHubSpot.path("lastSyncedAt").asText()).isNotBlank();
        assertThat(api("GET", "/pairings/deal/123456789999", null, null, 404).path("error").path("code").asText())
                .isEqualTo("PAIRING_NOT_FOUND");
        assertThat(api("GET", "/pairings/widget/1", null, null, 400).path("error").path("code").asText())
                .isEqualTo("UNKNOWN_OBJECT");
    }

    private Pairing pairedDeal() {
        mappings.replace("deal", List.of(FieldMapping.of("dealname", "Name"),
                new FieldMapping("amount", "Amount", SyncRule.TWO_WAY)));
        String oppId = salesforce().insert("Opportunity", Map.of("Name", unique("Deal"), "StageName", "Prospecting",
                "CloseDate", LocalDate.parse("2030-01-01"), "Amount", new BigDecimal("100")));
        functions.invoke("syncBatch", "{\"batchId\":\"" + unique("b") + "\",\"object\":\"deal\",\"reason\":\"POLL\","
                + "\"records\":[{\"salesforceId\":\"" + oppId + "\"}]}");
        return pairings.findBySalesforceId("deal", oppId).orElseThrow();
    }

    private void syncDeal(String hubspotId) {
        functions.invoke("syncBatch", "{\"batchId\":\"" + unique("b") + "\",\"object\":\"deal\",\"reason\":\"POLL\","
                + "\"records\":[{\"hubspotId\":\"" + hubspotId + "\"}]}");
    }

    private static JsonNode errorsOf(Pairing deal) {
        return api("GET", "/sync-errors", "object=deal&limit=200", null, 200).findValue("categories");
    }

    private static JsonNode find(JsonNode container, String hubspotId) {
        for (JsonNode e : container.findParents("hubspotId")) {
            if (hubspotId.equals(e.path("hubspotId").asText())) {
                return e;
            }
        }
        throw new AssertionError("No error for HubSpot " + hubspotId + " in " + container);
    }

    private static long delta(JsonNode before, JsonNode after, String crm) {
        return after.path(crm).path("callsLast24Hours").asLong() - before.path(crm).path("callsLast24Hours").asLong();
    }

    static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
