package io.crmsync.resync;

import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.discardSyncQueue;
import static io.crmsync.resync.ResyncFixtures.drainSyncQueue;
import static io.crmsync.resync.ResyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.sandbox.salesforce.http.ApiBudget;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A segment resync of 1,000 paired contacts whose sides disagree on every member (phone only in HubSpot, title only
 * in Salesforce), so every batch writes both sides: the worst case the estimate is built for.
 */
@QuarkusTest
class SegmentResyncTest {

    private static final int MEMBERS = 1_000;
    /** 200 members per sync batch. */
    private static final int BATCHES = MEMBERS / 200;

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
    void contactMappingsWithoutSegment() {
        settings = SettingsSnapshot.take(mappings, segmentSettings, "contact", "deal");
        ResyncFixtures.contactMappingsWithoutSegment(mappings, segmentSettings);
        discardSyncQueue();
    }

    @AfterEach
    void fullBudget() {
        salesforce().setDailyLimit(ApiBudget.DEFAULT_DAILY_LIMIT);
    }

    @AfterEach
    void restoreSettings() {
        settings.restore();
    }

    @Test
    void segmentResyncOf1000_isRefusedWithTheNumbers_whenTheBudgetIsShort_thenAcceptedAndCompleted() {
        // given
        String tag = unique("seg");
        List<String> sfIds = salesforce().seed("Contact", MEMBERS, i -> Map.of("LastName", "Member " + i,
                "Email", tag + "-" + i + "@example.com", "Title", "Title " + i));
        List<String> hsIds = hubspot().seed("contact", MEMBERS, i -> Map.of("lastname", "Member " + i,
                "email", tag + "-" + i + "@example.com", "phone", "555-" + i));
        for (int i = 0; i < MEMBERS; i++) {
            pairings.create(Pairing.of("contact", hsIds.get(i), sfIds.get(i), SalesforceType.CONTACT));
        }
        HubSpotList list = hubspotClient.lists().create(tag, "0-1", HubSpotList.ProcessingType.MANUAL, null);
        for (int i = 0; i < MEMBERS; i += 1_000) {
            hubspotClient.lists().addMembers(list.listId(), hsIds.subList(i, i + 1_000));
        }
        // 5 batches x (1 Collections retrieve + 1 Collections update) = 10; the reserve is 1,000
        salesforce().setDailyLimit(salesforce().apiCallsUsed() + 1_005);

        // when
        JsonNode refused = api("POST", "/segments/" + list.listId() + "/resync", null, null, 409);

        // then
        System.out.println("Segment resync refused: " + refused);
        assertThat(refused.path("error").path("code").asText()).isEqualTo("SALESFORCE_BUDGET_SHORT");
        assertThat(refused.path("members").asLong()).isEqualTo(MEMBERS);
        assertThat(refused.path("estimatedSalesforceCalls").asLong()).isEqualTo(2 * BATCHES);
        assertThat(refused.path("salesforceReserve").asLong()).isEqualTo(1_000);
        assertThat(refused.path("salesforceAvailable").asLong()).isLessThan(2 * BATCHES);
        assertThat(refused.path("error").path("message").asText()).contains(String.valueOf(2 * BATCHES), "1000",
                "Nothing was queued");
        assertThat(discardSyncQueue()).isZero();

        // given
        salesforce().setDailyLimit(ApiBudget.DEFAULT_DAILY_LIMIT);
        JsonNode usageBefore = api("GET", "/api-usage", null, null, 200);
        long sfBefore = salesforce().apiCallsUsed();
        long hsBefore = hubspot().served().total();

        // when
        JsonNode accepted = api("POST", "/segments/" + list.listId() + "/resync", null, null, 202);
        long sfAfterAccept = salesforce().apiCallsUsed();
        long hsAfterAccept = hubspot().served().total();
        long started = System.nanoTime();
        int batches = drainSyncQueue(functions);
        long millis = (System.nanoTime() - started) / 1_000_000;

        // then
        String resyncId = accepted.path("resyncId").asText();
        assertThat(accepted.path("members").asLong()).isEqualTo(MEMBERS);
        long estimatedSf = accepted.path("estimatedSalesforceCalls").asLong();
        long estimatedHs = accepted.path("estimatedHubSpotCalls").asLong();
        assertThat(batches).isEqualTo(BATCHES);
        long sfUsed = salesforce().apiCallsUsed() - sfAfterAccept;
        long hsUsed = hubspot().served().total() - hsAfterAccept;
        System.out.printf("Segment resync of %d contacts: %d batches in %d ms; Salesforce calls %d (estimate %d) ="
                + " %.1f per 1,000 members, plus %d to start (budget check); HubSpot calls %d (estimate %d), plus %d"
                + " to start (list and membership pages)%n", MEMBERS, batches, millis, sfUsed, estimatedSf,
                sfUsed * 1000.0 / MEMBERS, sfAfterAccept - sfBefore, hsUsed, estimatedHs, hsAfterAccept - hsBefore);
        assertThat(sfUsed * 1000.0 / MEMBERS).isLessThanOrEqualTo(30);
        assertThat((double) sfUsed).isBetween(estimatedSf * 0.9, estimatedSf * 1.1);
        assertThat((double) hsUsed).isBetween(estimatedHs * 0.9, estimatedHs * 1.1);

        JsonNode progress = api("GET", "/resyncs/" + resyncId, null, null, 200);
        assertThat(progress.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(progress.path("processed").asLong()).isEqualTo(MEMBERS);
        assertThat(progress.path("written").asLong()).isEqualTo(MEMBERS);
        assertThat(progress.path("batchesDone").asLong()).isEqualTo(BATCHES);
        for (int i : new int[] { 0, 345, MEMBERS - 1 }) {
            assertThat(salesforce().record("Contact", sfIds.get(i)).get("Phone")).isEqualTo("555-" + i);
            assertThat(hubspot().record("contact", hsIds.get(i)).orElseThrow()).containsEntry("jobtitle", "Title " + i);
        }

        // then: Sync Health's usage figures moved exactly as the sandboxes counted
        JsonNode usageAfter = api("GET", "/api-usage", null, null, 200);
        assertThat(usageAfter.path("salesforce").path("callsLast24Hours").asLong()
                - usageBefore.path("salesforce").path("callsLast24Hours").asLong())
                .isEqualTo(salesforce().apiCallsUsed() - sfBefore);
        assertThat(usageAfter.path("hubspot").path("callsLast24Hours").asLong()
                - usageBefore.path("hubspot").path("callsLast24Hours").asLong())
                .isEqualTo(hubspot().served().total() - hsBefore);
        assertThat(usageAfter.path("salesforce").path("orgRemaining").asLong()).isEqualTo(salesforce().remaining());
    }

    @Test
    void redeliveredResyncBatch_isCountedOnce() {
        // given: a two-member list resync whose one batch SQS delivers twice
        String tag = unique("redeliver");
        List<String> sfIds = salesforce().seed("Contact", 2, i -> Map.of("LastName", "R" + i,
                "Email", tag + i + "@example.com"));
        List<String> hsIds = hubspot().seed("contact", 2, i -> Map.of("lastname", "R" + i,
                "email", tag + i + "@example.com"));
        for (int i = 0; i < 2; i++) {
            pairings.create(Pairing.of("contact", hsIds.get(i), sfIds.get(i), SalesforceType.CONTACT));
        }
        HubSpotList list = hubspotClient.lists().create(tag, "0-1", HubSpotList.ProcessingType.MANUAL, null);
        hubspotClient.lists().addMembers(list.listId(), hsIds);
        String resyncId = api("POST", "/segments/" + list.listId() + "/resync", null, null, 202).path("resyncId").asText();
        String batch = "{\"batchId\":\"resync-" + resyncId + "-0\",\"object\":\"contact\",\"reason\":\"RESYNC\","
                + "\"records\":[{\"hubspotId\":\"" + hsIds.get(0) + "\"},{\"hubspotId\":\"" + hsIds.get(1) + "\"}]}";
        discardSyncQueue();

        // when
        functions.invoke("syncBatch", batch);
        functions.invoke("syncBatch", batch);

        // then
        JsonNode progress = api("GET", "/resyncs/" + resyncId, null, null, 200);
        assertThat(progress.path("processed").asLong()).isEqualTo(2);
        assertThat(progress.path("batchesDone").asLong()).isEqualTo(1);
        assertThat(progress.path("status").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void segmentResync_carriesAFormulaThatChangedAlone_whichAPollNeverTriggersOn() {
        // given: Contact.Account_Name__c is a formula over the Account, mapped Salesforce -> HubSpot "company"
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"),
                new FieldMapping("company", "Account_Name__c", SyncRule.ALWAYS_SALESFORCE)));
        String tag = unique("formula");
        String accountId = salesforce().insert("Account", Map.of("Name", "Initech"));
        String contactId = salesforce().insert("Contact", Map.of("LastName", "Gibbons", "Email", tag + "@example.com",
                "AccountId", accountId));
        functions.invoke("syncBatch", "{\"batchId\":\"" + tag + "\",\"object\":\"contact\",\"reason\":\"POLL\","
                + "\"records\":[{\"salesforceId\":\"" + contactId + "\"}]}");
        String hsId = pairings.findBySalesforceId("contact", contactId).orElseThrow().hubspotId();
        assertThat(hubspot().record("contact", hsId).orElseThrow()).containsEntry("company", "Initech");
        HubSpotList list = hubspotClient.lists().create(tag, "0-1", HubSpotList.ProcessingType.MANUAL, null);
        hubspotClient.lists().addMembers(list.listId(), List.of(hsId));
        salesforce().store().update(salesforce().store().schema().object("Account").orElseThrow(), accountId,
                Map.of("Name", "Initrode"));

        // when
        String resyncId = api("POST", "/segments/" + list.listId() + "/resync", null, null, 202).path("resyncId").asText();
        drainSyncQueue(functions);

        // then
        assertThat(hubspot().record("contact", hsId).orElseThrow()).containsEntry("company", "Initrode");
        assertThat(api("GET", "/resyncs/" + resyncId, null, null, 200).path("written").asLong()).isEqualTo(1);
    }

    static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
