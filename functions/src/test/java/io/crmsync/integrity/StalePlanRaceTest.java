package io.crmsync.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.worker.PausingPairingSaver;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Two workers sync one record with different changes, the first stalling between its CRM writes and its pairing save.
 * The last synced values stored on the pairing must be what both sides hold, or a later edit is judged against values
 * that match neither side: a two-way field then looks changed on both sides, and the wrong side wins.
 */
@QuarkusTest
class StalePlanRaceTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    PairingRepository pairings;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    FunctionDispatcher functions;

    private SettingsSnapshot settings;

    @BeforeEach
    void twoWayNames() {
        settings = SettingsSnapshot.take(mappings, segments, "contact");
        segments.choose("contact", null);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"),
                new FieldMapping("firstname", "FirstName", SyncRule.TWO_WAY),
                new FieldMapping("lastname", "LastName", SyncRule.TWO_WAY), FieldMapping.of("company", "Company")));
    }

    @AfterEach
    void restore() {
        settings.restore();
    }

    @Test
    void workerStallsBeforeSavingWhileAnotherSyncsTheRecord_pairingMatchesBothSides_andALaterEditWins() throws Exception {
        // given: a synced lead and contact
        String lead = salesforce().insert("Lead", Map.of("FirstName", "Orig", "LastName", "Lovelace", "Company", "Co",
                "Email", "race-" + UUID.randomUUID() + "@example.com"));
        sync(new SyncBatchMessage.RecordRef(null, lead));
        String contact = pairings.findBySalesforceIds("contact", List.of(lead)).get(lead).hubspotId();

        // when: worker A syncs a HubSpot edit of the first name and stalls before it saves the pairing...
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(contact, Map.of("firstname", "Ann"))));
        var pause = PausingPairingSaver.pauseNextSave(contact);
        var workerA = CompletableFuture.runAsync(() -> sync(new SyncBatchMessage.RecordRef(contact, null)));
        pause.awaitReached();
        // ...while a Salesforce user changes the last name and worker B syncs the record to the end
        editSalesforce(lead, Map.of("LastName", "Lee"));
        sync(new SyncBatchMessage.RecordRef(contact, null));
        pause.release();
        workerA.get();

        // then: both sides agree, and the pairing's last synced values are what they hold
        assertThat(hubspot().record("contact", contact).orElseThrow()).containsEntry("lastname", "Lee")
                .containsEntry("firstname", "Ann");
        assertThat(salesforce().record("Lead", lead)).containsEntry("LastName", "Lee").containsEntry("FirstName", "Ann");
        Pairing stored = pairings.findByHubspotId("contact", contact).orElseThrow();
        assertThat(stored.hubspotValues()).containsEntry("lastname", "Lee").containsEntry("firstname", "Ann");
        assertThat(stored.salesforceValues()).containsEntry("LastName", "Lee").containsEntry("FirstName", "Ann");

        // when: a HubSpot user changes the last name, then a Salesforce user edits another field, before the next sync
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(contact, Map.of("lastname", "Kim"))));
        Thread.sleep(20);
        editSalesforce(lead, Map.of("Company", "NewCo"));
        sync(new SyncBatchMessage.RecordRef(contact, null));

        // then: the HubSpot edit reached Salesforce; it was not undone by a last name Salesforce never changed
        assertThat(salesforce().record("Lead", lead)).containsEntry("LastName", "Kim");
        assertThat(hubspot().record("contact", contact).orElseThrow()).containsEntry("lastname", "Kim");
    }

    private void sync(SyncBatchMessage.RecordRef ref) {
        var message = new SyncBatchMessage("race-" + UUID.randomUUID(), "contact", "POLL", List.of(ref));
        try {
            functions.invoke("syncBatch", JSON.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void editSalesforce(String lead, Map<String, Object> changes) {
        var store = salesforce().store();
        store.update(store.schema().object("Lead").orElseThrow(), lead, changes);
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
