package io.crmsync.events;

import static io.crmsync.events.EventQueues.drainSyncQueue;
import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.events.hubspot.WebhookSignature;
import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.AssociationPair;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.SyncBatchService;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * HubSpot association changes through the api function's webhook, the sync queue and the worker: a contact moved to
 * another company in HubSpot (no property edited, so HubSpot's search would never report it) has its Salesforce
 * {@code AccountId} moved, whichever end of the association HubSpot reports the change from.
 */
@QuarkusTest
class AssociationChangeWebhookTest {

    @Inject
    SyncBatchService worker;
    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    PairingRepository pairings;
    @Inject
    HubSpotClient hubspot;

    private SettingsSnapshot settings;
    private String accountA;
    private String accountB;
    private String contact;

    @BeforeEach
    void contactOfCompanyA() {
        settings = SettingsSnapshot.take(mappings, segments, "contact", "company");
        segments.choose("contact", null);
        segments.choose("company", null);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName")));
        mappings.replace("company", List.of(FieldMapping.of("name", "Name")));
        drainSyncQueue();
        var salesforce = SalesforceSandboxTestResource.sandbox();
        accountA = salesforce.insert("Account", Map.of("Name", "Alpha " + UUID.randomUUID()));
        accountB = salesforce.insert("Account", Map.of("Name", "Beta " + UUID.randomUUID()));
        sync("company", accountA, accountB);
        contact = salesforce.insert("Contact", Map.of("LastName", "Armstrong", "Email",
                "na-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "AccountId", accountA));
        sync("contact", contact);
    }

    @AfterEach
    void restore() {
        settings.restore();
    }

    @Test
    void companyAssociationChangedInHubSpot_movesTheContactsAccountId_fromAWebhookOnTheCompanySide() {
        // given
        String contactId = pairings.findBySalesforceId("contact", contact).orElseThrow().hubspotId();
        String companyA = pairings.findBySalesforceId("company", accountA).orElseThrow().hubspotId();
        String companyB = pairings.findBySalesforceId("company", accountB).orElseThrow().hubspotId();

        // when: moved to company B in HubSpot; HubSpot reports it as company B's association change
        hubspot.associations().archive("contact", "company", List.of(new AssociationPair(contactId, companyA)));
        hubspot.associations().associateDefault("contact", "company", List.of(new AssociationPair(contactId,
                companyB)));
        post("[{\"eventId\":" + (System.nanoTime() % 1_000_000_000L) + ",\"subscriptionId\":1,\"portalId\":62515,"
                + "\"appId\":" + HubSpotWebhookTest.APP_ID + ",\"occurredAt\":" + Instant.now().toEpochMilli()
                + ",\"subscriptionType\":\"company.associationChange\",\"attemptNumber\":0,\"fromObjectId\":"
                + companyB + ",\"toObjectId\":" + contactId + ",\"associationType\":\"COMPANY_TO_CONTACT\","
                + "\"associationRemoved\":false,\"changeSource\":\"CRM_UI\",\"sourceId\":\"userId:7\"}]");
        drainSyncQueue().forEach(worker::process);

        // then
        assertThat(SalesforceSandboxTestResource.sandbox().record("Contact", contact))
                .containsEntry("AccountId", accountB);
    }

    private void sync(String object, String... salesforceIds) {
        worker.process(new SyncBatchMessage(UUID.randomUUID().toString(), object, "POLL",
                java.util.Arrays.stream(salesforceIds).map(id -> new SyncBatchMessage.RecordRef(null, id)).toList()));
        drainSyncQueue();
    }

    private static void post(String body) {
        String timestamp = String.valueOf(Instant.now().toEpochMilli());
        String signature = WebhookSignature.signature(HubSpotWebhookTest.APP_SECRET, "POST",
                "https://" + HubSpotWebhookTest.HOST + "/webhooks/hubspot", body, timestamp);
        invoke(httpRequest("POST", "/webhooks/hubspot", "", body, Map.of("host", HubSpotWebhookTest.HOST,
                "x-forwarded-proto", "https", "x-hubspot-request-timestamp", timestamp,
                "x-hubspot-signature-v3", signature, "x-hubspot-signature-version", "v3")))
                .then().statusCode(200);
    }
}
