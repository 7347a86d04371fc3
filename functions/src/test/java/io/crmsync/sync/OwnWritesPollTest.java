package io.crmsync.sync;

import static io.crmsync.sync.SyncFixtures.editSalesforce;
import static io.crmsync.sync.SyncFixtures.salesforce;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.testing.SyncQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The poll after a sync finds every record crm-sync just wrote (on both sides, within the lookback). It recognises
 * them from the values the change searches already answered, so it reads none of them again and queues nothing,
 * while a user's edit among them is still synced.
 */
@QuarkusTest
@TestProfile(PollTestProfile.class)
class OwnWritesPollTest extends PollTestSupport {

    @Test
    void pollAfterASync_recognisesCrmSyncsOwnWrites_andReadsNoRecordAgain() {
        // given 80 new leads, found by a poll and synced (crm-sync creates and writes 80 HubSpot contacts); few, as
        // every poll test re-reads what changed within the lookback
        salesforce().seed("Lead", 80, i -> lead("echo" + i));
        poll();
        syncAll(null);
        var sfBefore = salesforceClient.calls().snapshot();
        var hsBefore = hubspotClient.calls().snapshot();

        // when the next poll runs
        poll();
        List<SyncBatchMessage> queued = SyncQueue.drain();

        // then it costs the change searches alone: no retrieve, no batch read, nothing queued
        Map<String, Long> sf = delta(salesforceClient.calls().snapshot(), sfBefore);
        Map<String, Long> hs = delta(hubspotClient.calls().snapshot(), hsBefore);
        System.out.printf("Echo poll of 80 synced leads: Salesforce %s, HubSpot %s%n", sf, hs);
        assertThat(refsOf(queued)).isEmpty();
        assertThat(sf).containsOnlyKeys("query", "getDeleted");
        assertThat(hs).containsOnlyKeys("search");
    }

    @Test
    void usersEditsAmongCrmSyncsOwnWrites_areStillSynced() {
        // given 20 leads synced to HubSpot, then a user edits two in Salesforce and another in HubSpot
        List<String> leads = salesforce().seed("Lead", 20, i -> lead("mixed" + i));
        poll();
        syncAll(null);
        editSalesforce("Lead", leads.get(3), Map.of("FirstName", "Edited"));
        editSalesforce("Lead", leads.get(4), Map.of("Company", "Other Co"));
        String editedInHubSpot = pairings.findBySalesforceIds("contact", List.of(leads.get(5))).get(leads.get(5))
                .hubspotId();
        hubspotClient.batchUpdate("contacts", List.of(new ObjectUpdate(editedInHubSpot, Map.of("lastname", "Renamed"))));

        // when
        poll();
        List<SyncBatchMessage> queued = SyncQueue.drain();

        // then exactly those three are queued, and synced
        List<String> expected = new ArrayList<>();
        for (int i : new int[] {3, 4}) {
            expected.add(pairings.findBySalesforceIds("contact", List.of(leads.get(i))).get(leads.get(i)).hubspotId());
        }
        expected.add(editedInHubSpot);
        assertThat(refsOf(queued)).containsExactlyInAnyOrderElementsOf(expected);
        queued.forEach(worker::process);
        assertThat(SyncFixtures.hubspot().record("contacts", expected.get(0)).orElseThrow())
                .containsEntry("firstname", "Edited");
    }
}
