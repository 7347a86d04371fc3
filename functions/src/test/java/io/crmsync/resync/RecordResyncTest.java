package io.crmsync.resync;

import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.discardSyncQueue;
import static io.crmsync.resync.ResyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.salesforce.SalesforceClient;
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

/** {@code POST /resync} of one record through the api function, against both sandboxes. */
@QuarkusTest
class RecordResyncTest {

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segmentSettings;
    @Inject
    PairingRepository pairings;
    @Inject
    SalesforceClient salesforceClient;

    private SettingsSnapshot settings;

    @BeforeEach
    void contactMappingsWithoutSegment() {
        settings = SettingsSnapshot.take(mappings, segmentSettings, "contact", "deal");
        ResyncFixtures.contactMappingsWithoutSegment(mappings, segmentSettings);
    }

    @AfterEach
    void restoreSettings() {
        settings.restore();
    }

    @Test
    void resync_dryRun_reportsEachChangeAndDirection_andWritesNothing() {
        // given: a pairing whose sides disagree: phone only in HubSpot, title only in Salesforce
        Pairing p = pairedContact("555-0100", "Rear Admiral");
        long sfWrites = salesforceClient.calls().count("collections.update");
        long sfUsedBefore = salesforce().apiCallsUsed();

        // when
        JsonNode answer = api("POST", "/resync", null,
                "{\"object\":\"contact\",\"hubspotId\":\"" + p.hubspotId() + "\",\"dryRun\":true}", 200);

        // then
        assertThat(answer.path("outcome").asText()).isEqualTo("SYNCED");
        assertThat(answer.path("dryRun").asBoolean()).isTrue();
        assertThat(change(answer, "Phone").path("newValue").asText()).isEqualTo("555-0100");
        assertThat(change(answer, "Phone").path("direction").asText()).isEqualTo("HUBSPOT_TO_SALESFORCE");
        assertThat(change(answer, "jobtitle").path("newValue").asText()).isEqualTo("Rear Admiral");
        assertThat(change(answer, "jobtitle").path("direction").asText()).isEqualTo("SALESFORCE_TO_HUBSPOT");
        assertThat(salesforce().record("Contact", p.salesforceId()).get("Phone")).isNull();
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow().get("jobtitle")).isNullOrEmpty();
        assertThat(salesforceClient.calls().count("collections.update")).isEqualTo(sfWrites);
        assertThat(salesforce().apiCallsUsed() - sfUsedBefore).as("one Collections retrieve, no write").isEqualTo(1);
        assertThat(pairings.findByHubspotId("contact", p.hubspotId()).orElseThrow().lastSyncedAt()).isNull();
    }

    @Test
    void resync_bySalesforceId_writesBothSides_recordsHistory_andASecondResyncHasNothingToChange() {
        // given
        Pairing p = pairedContact("555-0101", "Commodore");

        // when
        JsonNode answer = api("POST", "/resync", null,
                "{\"object\":\"contact\",\"salesforceId\":\"" + p.salesforceId() + "\"}", 200);

        // then
        assertThat(answer.path("outcome").asText()).isEqualTo("SYNCED");
        assertThat(answer.path("dryRun").asBoolean()).isFalse();
        assertThat(answer.path("hubspotId").asText()).isEqualTo(p.hubspotId());
        assertThat(change(answer, "Phone").path("oldValue").isNull()).isTrue();
        assertThat(salesforce().record("Contact", p.salesforceId()).get("Phone")).isEqualTo("555-0101");
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("jobtitle", "Commodore");
        JsonNode pairing = api("GET", "/pairings/contact/" + p.salesforceId(), null, null, 200);
        assertThat(pairing.path("hubspotId").asText()).isEqualTo(p.hubspotId());
        assertThat(pairing.path("lastSyncedAt").isNull()).isFalse();
        assertThat(pairing.path("salesforceValues").path("Phone").asText()).isEqualTo("555-0101");
        assertThat(pairing.path("history").findValuesAsText("field")).contains("Phone", "jobtitle");

        // when
        JsonNode again = api("POST", "/resync", null,
                "{\"object\":\"contact\",\"hubspotId\":\"" + p.hubspotId() + "\"}", 200);

        // then
        assertThat(again.path("outcome").asText()).isEqualTo("NOTHING_TO_CHANGE");
        assertThat(again.path("changes")).isEmpty();
    }

    @Test
    void resync_ofAnUnpairedHubSpotContact_pairsItWithTheSalesforceLeadOfItsEmail_andSyncsIt() {
        // given: a HubSpot contact and a Salesforce lead with the same email (other case), never paired
        String email = unique("lone") + "@example.com";
        String leadId = salesforce().insert("Lead", Map.of("LastName", "Alone", "Company", "Solo",
                "Email", email.toUpperCase(), "Title", "Pilot"));
        String hsId = hubspot().seed("contact", List.of(Map.of("email", email, "lastname", "Alone"))).get(0);

        // when
        JsonNode answer = api("POST", "/resync", null, "{\"object\":\"contact\",\"hubspotId\":\"" + hsId + "\"}", 200);

        // then: paired with that lead (no second lead created) and synced
        assertThat(answer.path("outcome").asText()).as(answer.toString()).isEqualTo("SYNCED");
        assertThat(answer.path("salesforceId").asText()).isEqualTo(leadId);
        assertThat(hubspot().record("contact", hsId).orElseThrow()).containsEntry("jobtitle", "Pilot");
        assertThat(leadsWithEmail(email)).isEqualTo(1);
    }

    @Test
    void resync_ofAnUnpairedSalesforceContact_pairsItWithTheHubSpotContactOfItsEmail_andSyncsIt() {
        // given
        String email = unique("solo") + "@example.com";
        String hsId = hubspot().seed("contact", List.of(Map.of("email", email, "lastname", "Solo"))).get(0);
        String contactId = salesforce().insert("Contact", Map.of("LastName", "Solo", "Email", email,
                "Title", "Navigator"));

        // when
        JsonNode answer = api("POST", "/resync", null,
                "{\"object\":\"contact\",\"salesforceId\":\"" + contactId + "\"}", 200);

        // then
        assertThat(answer.path("outcome").asText()).as(answer.toString()).isEqualTo("SYNCED");
        assertThat(answer.path("hubspotId").asText()).isEqualTo(hsId);
        assertThat(hubspot().record("contact", hsId).orElseThrow()).containsEntry("jobtitle", "Navigator");
    }

    private static long leadsWithEmail(String email) {
        var store = salesforce().store();
        return store.table(store.schema().object("Lead").orElseThrow()).values().stream()
                .filter(r -> email.equalsIgnoreCase(String.valueOf(r.get("Email")))).count();
    }

    @Test
    void resync_badInput_answers400or404_withAClearMessage_andQueuesNothing() {
        // given
        discardSyncQueue();

        // when / then
        assertThat(api("POST", "/resync", null, "{\"object\":\"widget\",\"hubspotId\":\"1\"}", 400)
                .path("error").path("message").asText()).contains("widget", "contact");
        assertThat(api("POST", "/resync", null, "{\"object\":\"contact\",\"hubspotId\":\"987654321987\"}", 404)
                .path("error").path("message").asText()).contains("987654321987");
        assertThat(api("POST", "/resync", null, "{\"object\":\"contact\",\"salesforceId\":\"003000000000000AAA\"}",
                404).path("error").path("code").asText()).isEqualTo("RECORD_NOT_FOUND");
        assertThat(api("POST", "/resync", null, "{\"object\":\"contact\",\"hubspotId\":\"1\",\"salesforceId\":\"x\"}",
                400).path("error").path("code").asText()).isEqualTo("ONE_RECORD_ID");
        assertThat(api("POST", "/segments/999999999/resync", null, null, 404).path("error").path("message").asText())
                .contains("999999999");
        assertThat(api("POST", "/segments/not-a-list/resync", null, null, 400).path("error").path("field").asText())
                .isEqualTo("listId");
        assertThat(api("GET", "/resyncs/rs0000000000000000", null, null, 404).path("error").path("code").asText())
                .isEqualTo("RESYNC_NOT_FOUND");
        assertThat(discardSyncQueue()).isZero();
    }

    private Pairing pairedContact(String hubspotPhone, String salesforceTitle) {
        String email = unique("grace") + "@example.com";
        Map<String, Object> sf = new HashMap<>(Map.of("LastName", "Hopper", "Email", email, "Title", salesforceTitle));
        String sfId = salesforce().insert("Contact", sf);
        String hsId = hubspot().seed("contact", List.of(Map.of("email", email, "lastname", "Hopper",
                "phone", hubspotPhone))).get(0);
        return pairings.create(Pairing.of("contact", hsId, sfId, SalesforceType.CONTACT));
    }

    private static JsonNode change(JsonNode answer, String field) {
        for (JsonNode c : answer.path("changes")) {
            if (field.equals(c.path("field").asText())) {
                return c;
            }
        }
        throw new AssertionError("No change of " + field + " in " + answer);
    }

    static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
