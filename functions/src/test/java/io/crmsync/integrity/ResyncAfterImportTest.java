package io.crmsync.integrity;

import static io.crmsync.imports.ImportTestSupport.startClean;
import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.discardSyncQueue;
import static io.crmsync.resync.ResyncFixtures.drainSyncQueue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.imports.ImportTestSupport;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.resync.ResyncFixtures;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.PairingRepository;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * "It did not sync after the import": contacts imported into HubSpot and a DYNAMIC list of them as the contact
 * inclusion segment, before any poll has looked at that list. The import's follow-up sync, a single-record resync and
 * a resync of the list must judge membership as it is now (the list's members), not as the last poll stored it.
 */
@QuarkusTest
class ResyncAfterImportTest {

    private static final int CONTACTS = 30;

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
    private List<String> contactIds;

    @BeforeEach
    void importedContactsWithADynamicSegment() throws Exception {
        settings = SettingsSnapshot.take(mappings, segmentSettings, "contact");
        startClean();
        ResyncFixtures.contactMappingsWithoutSegment(mappings, segmentSettings);
        contactIds = salesforce().seed("Contact", CONTACTS, i -> Map.of("LastName", "Imported " + i,
                "Email", "c" + i + "@eu.example.com", "Title", "Title " + i));
        HubSpotList eu = hubspotClient.lists().create(ResyncFixtures.unique("EU"), "0-1",
                HubSpotList.ProcessingType.DYNAMIC, new ObjectMapper().readTree("""
                        {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                          {"filterType":"PROPERTY","property":"email",
                           "operation":{"operationType":"MULTISTRING","operator":"ENDS_WITH","values":["@eu.example.com"]}}]}]}
                        """));
        segmentSettings.choose("contact", eu.listId());
        listId = eu.listId();
        var started = ImportTestSupport.api("POST", "/imports", null, "{\"object\":\"contacts\"}");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(ImportTestSupport.drainImportQueue().failed()).isZero();
    }

    private String listId;

    @AfterEach
    void restoreSettings() {
        settings.restore();
    }

    @Test
    void importFollowUp_writesTheMembersValues_whenTheSegmentIsADynamicList() {
        // when the import's follow-up batches are worked
        int batches = drainSyncQueue(functions);

        // then
        assertThat(batches).isPositive();
        for (int i : new int[] { 0, CONTACTS - 1 }) {
            assertThat(hubspot().record("contact", hubspotIdOf(i)).orElseThrow())
                    .containsEntry("jobtitle", "Title " + i).containsEntry("lastname", "Imported " + i);
        }
    }

    @Test
    void recordResync_rightAfterImport_writesTheMembersValues() {
        // given the follow-up was lost (or has not run yet)
        discardSyncQueue();
        String hubspotId = hubspotIdOf(3);

        // when
        JsonNode preview = api("POST", "/resync", null,
                "{\"object\":\"contact\",\"hubspotId\":\"" + hubspotId + "\",\"dryRun\":true}", 200);
        JsonNode answer = api("POST", "/resync", null,
                "{\"object\":\"contact\",\"hubspotId\":\"" + hubspotId + "\"}", 200);

        // then
        assertThat(preview.path("outcome").asText()).as(preview.toString()).isEqualTo("SYNCED");
        assertThat(answer.path("outcome").asText()).as(answer.toString()).isEqualTo("SYNCED");
        assertThat(hubspot().record("contact", hubspotId).orElseThrow()).containsEntry("jobtitle", "Title 3");
    }

    @Test
    void segmentResync_rightAfterImport_writesEveryMembersValues() {
        // given
        discardSyncQueue();

        // when
        JsonNode accepted = api("POST", "/segments/" + listId + "/resync", null, null, 202);
        drainSyncQueue(functions);

        // then
        JsonNode progress = api("GET", "/resyncs/" + accepted.path("resyncId").asText(), null, null, 200);
        assertThat(progress.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(progress.path("processed").asLong()).isEqualTo(CONTACTS);
        assertThat(progress.path("written").asLong()).isEqualTo(CONTACTS);
        for (int i = 0; i < CONTACTS; i++) {
            assertThat(hubspot().record("contact", hubspotIdOf(i)).orElseThrow()).containsEntry("jobtitle", "Title " + i);
        }
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
