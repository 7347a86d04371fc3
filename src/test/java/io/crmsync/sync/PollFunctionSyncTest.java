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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.CrmSide;
import io.crmsync.store.LeaseRepository;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.sync.poll.ErrorRetries;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * The poll function end to end: it fans out to ElasticMQ, the test drains the queue and hands each message to the
 * sync worker, as Lambda's SQS event source would.
 */
@QuarkusTest
@TestProfile(PollTestProfile.class)
class PollFunctionSyncTest {

    @Inject
    SyncBatchService worker;
    @Inject
    WatermarkRepository watermarks;
    @Inject
    LeaseRepository leases;
    @Inject
    PairingRepository pairings;
    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    SalesforceClient salesforceClient;
    @Inject
    SyncErrorRepository errors;
    @Inject
    ErrorRetries retries;

    @BeforeEach
    void quietStart() {
        segments.choose("contact", null);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                FieldMapping.of("lastname", "LastName"), FieldMapping.of("company", "Company")));
        Instant now = Instant.now();
        for (String key : List.of("contact.Lead", "contact.Contact")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, now, null, now));
        }
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, now, null, now));
        QueueDrain.drain();
    }

    @AfterEach
    void realClocks() {
        salesforce().clock(Clock.systemUTC());
        hubspot().clock(Clock.systemUTC());
        hubspot().listEvaluation(Runnable::run);
    }

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
        List<SyncBatchMessage> messages = QueueDrain.drain();
        messages.forEach(worker::process);

        // then
        assertThat(refsOf(messages)).contains(atWatermark, lateCommit);
        assertThat(pairings.findBySalesforceIds("contact", List.of(atWatermark, lateCommit))).hasSize(2);
        assertThat(watermarks.find("contact.Lead", CrmSide.SALESFORCE).orElseThrow().modifiedAt()).isAfterOrEqualTo(t);
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
        List<SyncBatchMessage> messages = QueueDrain.drain();

        // then
        assertThat(outcomes).contains("POLLED", "DUPLICATE_EVENT");
        assertThat(refsOf(messages).stream().filter(leadId::equals)).hasSize(1);

        // when: another poll (a different event) runs while one holds the object's lease
        leases.tryAcquire("poll.contact", "someone-else", Duration.ofMinutes(5), Instant.now());
        String leased = invoke(scheduled(Instant.now().toString())).then().statusCode(200).extract().asString();
        leases.release("poll.contact", "someone-else");

        // then
        assertThat(leased).contains("LEASED_BY_ANOTHER_POLL");
        assertThat(QueueDrain.drain()).isEmpty();
    }

    @Test
    void idlePoll_costsOneQueryPerSalesforceObject_andOneHubSpotSearch() {
        // given
        poll();
        QueueDrain.drain();
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
    void segment_entrySyncs_exitStops_andAnUpdateThatLeavesTheSegmentNeverRacesItsReEvaluation() throws Exception {
        // given: an active list of customers; "stays" and "leaves" are members, changed long enough ago
        HubSpotList list = hubspotClient.lists().create(unique("Customers"), "0-1", HubSpotList.ProcessingType.DYNAMIC,
                customers());
        String old = Instant.now().minus(Duration.ofMinutes(10)).toString();
        List<String> ids = hubspot().seed("contact", List.of(
                contact("stays", "customer", old), contact("leaves", "customer", old), contact("outside", "lead", old)));
        String stays = ids.get(0);
        String leaves = ids.get(1);
        String outside = ids.get(2);
        segments.choose("contact", list.listId());
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, Instant.now().minus(Duration.ofMinutes(12)), null,
                Instant.now()));

        // when: first poll after choosing the segment
        syncAll(poll());

        // then: members entered and synced (Salesforce leads created), the outsider did not
        assertThat(pairings.findByHubspotIds("contact", List.of(stays, leaves, outside))).containsOnlyKeys(stays, leaves);
        String leavesLead = pairings.findByHubspotId("contact", leaves).orElseThrow().salesforceId();

        // when: "leaves" is edited so that it drops out of the list, but HubSpot has not re-evaluated the list yet
        List<Runnable> pendingEvaluation = new ArrayList<>();
        hubspot().listEvaluation(pendingEvaluation::add);
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(leaves,
                Map.of("lifecyclestage", "other", "firstname", "Should not reach Salesforce"))));
        syncAll(poll());
        pendingEvaluation.forEach(Runnable::run);
        hubspot().listEvaluation(Runnable::run);
        syncAll(poll());

        // then: the update never reached Salesforce, before or after the re-evaluation
        assertThat(salesforce().record("Lead", leavesLead).get("FirstName")).isNotEqualTo("Should not reach Salesforce");

        // when: the outsider entered the segment through an edit made a while ago (a fresh edit waits one poll to settle)
        hubspot().clock(Clock.fixed(Instant.now().minus(Duration.ofMinutes(5)), ZoneOffset.UTC));
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(outside, Map.of("lifecyclestage", "customer"))));
        hubspot().clock(Clock.systemUTC());
        syncAll(poll());

        // then
        assertThat(pairings.findByHubspotId("contact", outside)).isPresent();
    }

    @Test
    void salesforceLeadOutsideTheSegment_createsItsHubSpotContact_butLaterUpdatesWait() throws Exception {
        // given
        HubSpotList list = hubspotClient.lists().create(unique("Customers"), "0-1", HubSpotList.ProcessingType.DYNAMIC,
                customers());
        segments.choose("contact", list.listId());
        String leadId = salesforce().insert("Lead", lead("outside-sf"));

        // when
        syncAll(poll());

        // then
        var pairing = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId);
        assertThat(pairing).isNotNull();
        assertThat(hubspot().record("contact", pairing.hubspotId()).orElseThrow()).containsKey("email");

        // when
        editSalesforce("Lead", leadId, Map.of("FirstName", "Waiting"));
        syncAll(poll());

        // then
        assertThat(hubspot().record("contact", pairing.hubspotId()).orElseThrow().get("firstname")).isNotEqualTo("Waiting");
    }

    @Test
    void erroredRecord_isRetriedAfterTheInterval_upToTheAttemptCap_andResolvedOnceItSyncs() {
        // given: a two-way last name cleared in HubSpot; Salesforce requires LastName, so the write fails
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"),
                new FieldMapping("lastname", "LastName", SyncRule.TWO_WAY), FieldMapping.of("company", "Company")));
        String leadId = salesforce().insert("Lead", lead("retry"));
        worker.process(new SyncBatchMessage(unique("b"), "contact", "POLL", List.of(SyncFixtures.sf(leadId))));
        var pairing = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId);
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(pairing.hubspotId(), Map.of("lastname", ""))));
        worker.process(new SyncBatchMessage(unique("b"), "contact", "POLL", List.of(SyncFixtures.hs(pairing.hubspotId()))));
        var error = errors.find("contact", pairing.hubspotId(), leadId, "PROPERTY_VALUE").orElseThrow();
        assertThat(error.message()).contains("REQUIRED_FIELD_MISSING");

        // then: not due at once, due after 30 minutes
        Instant now = Instant.now();
        assertThat(retries.due("contact", now)).extracting(SyncBatchMessage.RecordRef::hubspotId)
                .doesNotContain(pairing.hubspotId());
        List<SyncBatchMessage.RecordRef> due = retries.due("contact", now.plus(Duration.ofMinutes(31)));
        assertThat(due).extracting(SyncBatchMessage.RecordRef::hubspotId).contains(pairing.hubspotId());

        // when: the cause is fixed without touching the record (the rule now prefers Salesforce) and the retry runs
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName"),
                FieldMapping.of("company", "Company")));
        worker.process(new SyncBatchMessage(unique("r"), "contact", "RETRY", due));

        // then
        assertThat(errors.find("contact", pairing.hubspotId(), leadId, "PROPERTY_VALUE").orElseThrow().resolved()).isTrue();
        assertThat(hubspot().record("contact", pairing.hubspotId()).orElseThrow()).containsEntry("lastname", "retry");

        // and: an error that failed 10 times is no longer retried automatically
        for (int i = 0; i < 10; i++) {
            errors.record("contact", "999" + pairing.hubspotId(), leadId, "PERMISSIONS", "no access", now);
        }
        assertThat(retries.due("contact", now.plus(Duration.ofHours(1)))).extracting(SyncBatchMessage.RecordRef::hubspotId)
                .doesNotContain("999" + pairing.hubspotId());
    }

    private void syncAll(String pollOutput) {
        QueueDrain.drain().forEach(worker::process);
    }

    private static String poll() {
        return invoke(scheduled(Instant.now().toString())).then().statusCode(200).extract().asString();
    }

    private static List<String> refsOf(List<SyncBatchMessage> messages) {
        List<String> ids = new ArrayList<>();
        messages.forEach(m -> m.records().forEach(r -> ids.add(r.salesforceId() != null ? r.salesforceId() : r.hubspotId())));
        return ids;
    }

    private static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    private static Map<String, Object> lead(String name) {
        return Map.of("LastName", name, "Company", "Co", "Email", unique(name) + "@example.com");
    }

    private static Map<String, String> contact(String name, String stage, String modifiedAt) {
        return Map.of("email", unique(name) + "@example.com", "lastname", name, "company", "Co",
                "lifecyclestage", stage, "lastmodifieddate", modifiedAt, "createdate", modifiedAt);
    }

    private static com.fasterxml.jackson.databind.JsonNode customers() throws Exception {
        return new ObjectMapper().readTree("""
                {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                  {"filterType":"PROPERTY","property":"lifecyclestage",
                   "operation":{"operationType":"MULTISTRING","operator":"IS_EQUAL_TO","values":["customer"]}}]}]}
                """);
    }

}
