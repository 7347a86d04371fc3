package io.crmsync.sync;

import static io.crmsync.sync.SyncFixtures.editSalesforce;
import static io.crmsync.sync.SyncFixtures.hubspot;
import static io.crmsync.sync.SyncFixtures.salesforce;
import static io.crmsync.sync.SyncFixtures.unique;
import static io.crmsync.testing.LambdaEvents.invoke;
import static io.crmsync.testing.LambdaEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.settings.ContactDeletion;
import io.crmsync.settings.ContactDeletion.WhenDeletedInSalesforce;
import io.crmsync.store.CrmSide;
import io.crmsync.store.Watermark;
import io.crmsync.testing.SyncQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** The poll function end to end: it fans out to ElasticMQ, the test drains the queue and hands each message to the
 * sync worker, as Lambda's SQS event source would. Watermarks, duplicate events, leases, idle cost, triggers. */
@QuarkusTest
@TestProfile(PollTestProfile.class)
class PollFunctionSyncTest extends PollTestSupport {

    @Inject
    ContactDeletion contactDeletion;

    @Test
    void recordAtExactlyTheWatermark_andOneCommittedLate_areBothSynced() {
        // given: the watermark sits at T on lead X
        Instant t = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        salesforce().clock(Clock.fixed(t, ZoneOffset.UTC));
        String atWatermark = salesforce().insert("Lead", lead("tie"));
        String alreadyRead = salesforce().insert("Lead", lead("read"));
        watermarks.reset(new Watermark("contact.Lead", CrmSide.SALESFORCE, t, alreadyRead, t));
        // a transaction that started earlier commits after the watermark was stored: its modstamp is before T
        salesforce().clock(Clock.fixed(t.minusSeconds(20), ZoneOffset.UTC));
        String lateCommit = salesforce().insert("Lead", lead("late"));
        salesforce().clock(Clock.systemUTC());

        // when
        poll();
        List<SyncBatchMessage> messages = SyncQueue.drain();
        messages.forEach(worker::process);

        // then
        assertThat(refsOf(messages)).contains(atWatermark, lateCommit);
        assertThat(pairings.findBySalesforceIds("contact", List.of(atWatermark, lateCommit))).hasSize(2);
        assertThat(watermarks.find("contact.Lead", CrmSide.SALESFORCE).orElseThrow().modifiedAt()).isAfterOrEqualTo(t);
    }

    @Test
    void burstOfChangesHalfAnHourOld_isFannedOutByOnePoll_andNotReReadByTheNext() {
        // given: 300 leads changed half an hour ago, after the last poll's watermark, then nothing
        Instant halfAnHourAgo = Instant.now().minus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.MILLIS);
        for (String key : List.of("contact.Lead", "contact.Contact")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, halfAnHourAgo.minusSeconds(60), null,
                    halfAnHourAgo));
        }
        salesforce().clock(Clock.fixed(halfAnHourAgo, ZoneOffset.UTC));
        List<String> burst = salesforce().seed("Lead", 300, i -> lead("burst" + i));
        salesforce().clock(Clock.systemUTC());

        // when: the poll that finds them, then the next poll
        poll();
        List<String> firstPoll = refsOf(SyncQueue.drain());
        var sfBefore = salesforceClient.calls().snapshot();
        poll();
        List<String> nextPoll = refsOf(SyncQueue.drain());

        // then: the burst is synced once, and the next poll reads only what changed since
        assertThat(firstPoll).containsAll(burst);
        assertThat(nextPoll).doesNotContainAnyElementsOf(burst);
        assertThat(delta(salesforceClient.calls().snapshot(), sfBefore)).containsEntry("query", 2L)
                .doesNotContainKey("queryMore");
    }

    @Test
    void theSameEventTwiceAtOnce_andAPollWhileAnotherHoldsTheLease_doTheWorkOnce() {
        // given
        String leadId = salesforce().insert("Lead", lead("twice"));
        Map<String, Object> event = scheduled(Instant.now().toString());

        // when: EventBridge delivers the same event twice, concurrently
        var first = CompletableFuture.supplyAsync(() -> invoke(event).then().statusCode(200).extract().asString());
        var second = CompletableFuture.supplyAsync(() -> invoke(event).then().statusCode(200).extract().asString());
        String outcomes = first.join() + second.join();
        List<SyncBatchMessage> messages = SyncQueue.drain();

        // then
        assertThat(outcomes).contains("POLLED", "DUPLICATE_EVENT");
        assertThat(refsOf(messages).stream().filter(leadId::equals)).hasSize(1);

        // when: another poll (a different event) runs while one holds the object's lease
        leases.tryAcquire("poll.contact", "someone-else", Duration.ofMinutes(5), Instant.now());
        String leased = invoke(scheduled(Instant.now().toString())).then().statusCode(200).extract().asString();
        leases.release("poll.contact", "someone-else");

        // then
        assertThat(leased).contains("LEASED_BY_ANOTHER_POLL");
        assertThat(SyncQueue.drain()).isEmpty();
    }

    @Test
    void idlePoll_costsOneQueryPerSalesforceObject_andOneHubSpotSearch() {
        // given
        poll();
        SyncQueue.drain();
        var sfBefore = salesforceClient.calls().snapshot();
        var hsBefore = hubspotClient.calls().snapshot();

        // when
        poll();

        // then: contact pairs with Lead and Contact: one query and one getDeleted each; one HubSpot search
        Map<String, Long> sf = delta(salesforceClient.calls().snapshot(), sfBefore);
        Map<String, Long> hs = delta(hubspotClient.calls().snapshot(), hsBefore);
        System.out.printf("Idle poll of contact: Salesforce %s, HubSpot %s%n", sf, hs);
        assertThat(sf.getOrDefault("query", 0L)).isEqualTo(2);
        assertThat(sf.getOrDefault("queryMore", 0L)).isZero();
        assertThat(hs).containsOnlyKeys("search").containsEntry("search", 1L);
    }

    @Test
    void removingALeadFromACampaign_triggersNothing_whileAnEditDoes() {
        // given: a paired lead last changed 10 minutes ago, member of an active campaign
        salesforce().clock(Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        String leadId = salesforce().insert("Lead", lead("campaign"));
        String campaignId = salesforce().insert("Campaign", Map.of("Name", unique("Launch"), "IsActive", true));
        String memberId = salesforce().insert("CampaignMember", Map.of("CampaignId", campaignId, "LeadId", leadId,
                "Status", "Sent"));
        salesforce().clock(Clock.systemUTC());
        hubspot().clock(Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC));
        worker.process(new SyncBatchMessage(unique("b"), "contact", "POLL", List.of(SyncFixtures.sf(leadId))));
        hubspot().clock(Clock.systemUTC());
        String hubspotId = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId).hubspotId();
        quietStart();

        // when
        var store = salesforce().store();
        store.delete(store.schema().object("CampaignMember").orElseThrow(), memberId);
        poll();

        // then
        assertThat(refsOf(SyncQueue.drain())).doesNotContain(leadId, hubspotId);

        // when: a real edit, as a control
        editSalesforce("Lead", leadId, Map.of("FirstName", "Edited"));
        poll();

        // then
        assertThat(refsOf(SyncQueue.drain())).contains(hubspotId);
    }

    @Test
    void leadDeletedInSalesforce_endsItsPairing_andLeavesTheHubSpotContact() {
        // given
        String leadId = salesforce().insert("Lead", lead("deleted"));
        worker.process(new SyncBatchMessage(unique("b"), "contact", "POLL", List.of(SyncFixtures.sf(leadId))));
        String hubspotId = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId).hubspotId();

        // when: deleted a minute and a half ago, so getDeleted (whole minutes only) reports it: its word alone ends
        // a pairing (a record merely missing from a read may be hidden from the integration user)
        var store = salesforce().store();
        salesforce().clock(Clock.fixed(Instant.now().minusSeconds(90), ZoneOffset.UTC));
        store.delete(store.schema().object("Lead").orElseThrow(), leadId);
        salesforce().clock(Clock.systemUTC());
        syncAll(poll());

        // then
        assertThat(pairings.findByHubspotId("contact", hubspotId)).isEmpty();
        assertThat(hubspot().record("contact", hubspotId)).isPresent();
    }

    @Test
    void leadDeletedInSalesforce_archivesItsHubSpotContact_whenTheSettingSaysSo_evenOutsideTheSegment()
            throws Exception {
        // given: a paired lead, an inclusion segment it is not in, and deletions set to archive in HubSpot
        String leadId = salesforce().insert("Lead", lead("archived"));
        worker.process(new SyncBatchMessage(unique("b"), "contact", "POLL", List.of(SyncFixtures.sf(leadId))));
        String hubspotId = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId).hubspotId();
        segments.choose("contact", hubspotClient.lists().create(unique("Customers"), "0-1",
                HubSpotList.ProcessingType.DYNAMIC, customers()).listId());
        contactDeletion.choose(WhenDeletedInSalesforce.ARCHIVE_IN_HUBSPOT);
        try {
            // when: deleted a minute and a half ago (getDeleted covers whole minutes only, as Salesforce's does)
            var store = salesforce().store();
            salesforce().clock(Clock.fixed(Instant.now().minusSeconds(90), ZoneOffset.UTC));
            store.delete(store.schema().object("Lead").orElseThrow(), leadId);
            salesforce().clock(Clock.systemUTC());
            syncAll(poll());

            // then
            assertThat(pairings.findByHubspotId("contact", hubspotId)).isEmpty();
            assertThat(hubspot().record("contact", hubspotId)).isEmpty();
        } finally {
            contactDeletion.choose(WhenDeletedInSalesforce.KEEP_IN_HUBSPOT);
        }
    }
}
