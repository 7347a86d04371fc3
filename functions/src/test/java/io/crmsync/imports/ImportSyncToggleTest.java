package io.crmsync.imports;

import static io.crmsync.imports.ImportTestSupport.startClean;
import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.drainSyncQueue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.hubspot.model.PropertyDefinition;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.resync.ResyncFixtures;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.CrmSide;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.LambdaEvents;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The import's "Salesforce Sync" toggle with an active (DYNAMIC) inclusion segment, the only kind the settings API
 * accepts: imported contacts are marked {@code crm_sync_included = true}, a list filter on that marker admits them,
 * they sync after the import and on every later poll, and clearing the marker takes them out again. Through the api,
 * importChunk, syncBatch and poll functions against both sandboxes.
 */
@QuarkusTest
class ImportSyncToggleTest {

    private static final int CONTACTS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segmentSettings;
    @Inject
    PairingRepository pairings;
    @Inject
    WatermarkRepository watermarks;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    FunctionDispatcher functions;

    private SettingsSnapshot settings;
    private List<String> contactIds;

    @BeforeEach
    void contactsInSalesforce() {
        settings = SettingsSnapshot.take(mappings, segmentSettings, "contact");
        startClean();
        ResyncFixtures.contactMappingsWithoutSegment(mappings, segmentSettings);
        Instant now = Instant.now();
        for (String key : List.of("contact.Lead", "contact.Contact")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, now, null, now));
        }
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, now, null, now));
        contactIds = salesforce().seed("Contact", CONTACTS, i -> Map.of("LastName", "Imported " + i,
                "Email", "toggle" + i + "@example.com", "Title", "Title " + i));
    }

    @AfterEach
    void restore() {
        settings.restore();
        hubspot().clock(Clock.systemUTC());
    }

    @Test
    void importWithSyncToggle_andADynamicSegmentOnTheMarker_syncsTheContactsNow_andOnLaterPolls_untilTheMarkerIsCleared()
            throws Exception {
        // given: an active list of contacts marked by crm-sync's imports, chosen as the contact inclusion segment
        String listId = markerSegment();

        // when: imported with the toggle on (written "five minutes ago", so later polls find them settled)
        importContacts(true);

        // then: every contact carries the visible marker, is in the segment, and got its mapped fields
        String first = hubspotIdOf(0);
        assertThat(hubspot().record("contacts", first).orElseThrow()).containsEntry("crm_sync_included", "true")
                .containsEntry("jobtitle", "Title 0").containsEntry("lastname", "Imported 0");
        assertThat(hubspotClient.lists().allMembers(listId)).hasSize(CONTACTS);
        assertThat(hubspotClient.properties("contacts")).extracting(PropertyDefinition::name)
                .contains("crm_sync_included");

        // when: the contact changes in Salesforce
        editTitle(0, "Chief Engineer");
        pollAndSync();

        // then: it stays eligible, so the poll syncs it
        assertThat(hubspot().record("contacts", first).orElseThrow()).containsEntry("jobtitle", "Chief Engineer");

        // when: the user undoes it (clears the marker) and the contact changes again
        hubspotClient.batchUpdate("contacts", List.of(new ObjectUpdate(first, Map.of("crm_sync_included", "false"))));
        editTitle(0, "Retired");
        pollAndSync();

        // then: out of the segment, it no longer syncs
        assertThat(hubspotClient.lists().allMembers(listId)).hasSize(CONTACTS - 1).doesNotContain(first);
        assertThat(hubspot().record("contacts", first).orElseThrow()).containsEntry("jobtitle", "Chief Engineer");
    }

    @Test
    void importWithoutSyncToggle_leavesTheContactsOutOfTheDynamicSegment_andUnsynced() throws Exception {
        // given
        String listId = markerSegment();

        // when
        importContacts(false);
        editTitle(1, "Chief Engineer");
        pollAndSync();

        // then: email only, as the connector leaves contacts outside the segment
        String contact = hubspotIdOf(1);
        assertThat(hubspot().record("contacts", contact).orElseThrow()).doesNotContainKeys("crm_sync_included",
                "jobtitle", "lastname");
        assertThat(hubspotClient.lists().allMembers(listId)).isEmpty();
    }

    @Test
    void syncToggle_withADynamicSegmentThatIgnoresTheMarker_isRefusedSayingWhichFilterToAdd() throws Exception {
        // given: an active segment on something else
        HubSpotList list = hubspotClient.lists().create(ResyncFixtures.unique("Customers"), "0-1",
                HubSpotList.ProcessingType.DYNAMIC, JSON.readTree("""
                        {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                          {"filterType":"PROPERTY","property":"lifecyclestage",
                           "operation":{"operationType":"ENUMERATION","operator":"IS_ANY_OF","values":["customer"]}}]}]}
                        """));
        api("PUT", "/settings/inclusion-segments/contact", null, "{\"listId\":\"" + list.listId() + "\"}", 200);

        // when
        JsonNode refused = api("POST", "/imports", null, "{\"object\":\"contacts\",\"syncToInclusionSegment\":true}",
                409);

        // then: nothing imported, the answer says what to add to which list, and the property to filter on exists
        assertThat(refused.path("error").path("code").asText()).isEqualTo("SEGMENT_IGNORES_IMPORT_MARKER");
        assertThat(refused.path("error").path("message").asText()).contains(list.listId(), "crm_sync_included",
                "is true");
        assertThat(refused.path("error").path("field").asText()).isEqualTo("syncToInclusionSegment");
        assertThat(hubspot().count("contacts")).isZero();
        assertThat(hubspotClient.properties("contacts")).filteredOn(p -> p.name().equals("crm_sync_included"))
                .singleElement().satisfies(p -> assertThat(p.type()).isEqualTo("bool"));
    }

    /** A DYNAMIC list whose one filter is the import marker, chosen through the settings API. */
    private String markerSegment() throws Exception {
        HubSpotList list = hubspotClient.lists().create(ResyncFixtures.unique("Synced from imports"), "0-1",
                HubSpotList.ProcessingType.DYNAMIC, JSON.readTree("""
                        {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                          {"filterType":"PROPERTY","property":"crm_sync_included",
                           "operation":{"operationType":"BOOL","operator":"IS_EQUAL_TO","value":true}}]}]}
                        """));
        api("PUT", "/settings/inclusion-segments/contact", null, "{\"listId\":\"" + list.listId() + "\"}", 200);
        return list.listId();
    }

    private void importContacts(boolean syncToggle) {
        hubspot().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
        api("POST", "/imports", null, "{\"object\":\"contacts\",\"syncToInclusionSegment\":" + syncToggle + "}", 202);
        assertThat(ImportTestSupport.drainImportQueue().failed()).isZero();
        drainSyncQueue(functions);
        hubspot().clock(Clock.systemUTC());
    }

    private void editTitle(int i, String title) {
        var store = salesforce().store();
        store.update(store.schema().object("Contact").orElseThrow(), contactIds.get(i), Map.of("Title", title));
    }

    private void pollAndSync() throws Exception {
        functions.invoke("poll", JSON.writeValueAsString(LambdaEvents.scheduled(Instant.now().toString())));
        drainSyncQueue(functions);
    }

    private String hubspotIdOf(int i) {
        return pairings.findBySalesforceId("contact", contactIds.get(i)).orElseThrow().hubspotId();
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
