package io.crmsync.events;

import static io.crmsync.events.EventQueues.drainSyncQueue;
import static io.crmsync.events.EventQueues.salesforceIds;
import static io.crmsync.testing.LambdaEvents.deliverEach;
import static io.crmsync.testing.LambdaEvents.messageIds;
import static io.crmsync.testing.LambdaEvents.sqsBatch;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.PollService;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.SyncBatchService;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.PollWatermarks;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Salesforce change events through the changeEvents function as Lambda's SQS event source hands them over: the
 * sandbox's Change Data Capture produces them (Event Relay's EventBridge shape), the function queues sync work, the
 * worker carries it to HubSpot. Own writes, several records per event, duplicates, reordering, gaps, overflow and
 * lost events (repaired by the poll).
 */
@QuarkusTest
class SalesforceChangeEventsTest {

    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:crm-sync-salesforce-change-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    SyncBatchService worker;
    @Inject
    PollService poller;
    @Inject
    SalesforceClient salesforceClient;
    @Inject
    MappingCatalog mappings;
    @Inject
    PairingRepository pairings;
    @Inject
    InclusionSegmentSettings segments;

    private final List<String> relayed = Collections.synchronizedList(new ArrayList<>());

    private io.crmsync.testing.SettingsSnapshot settings;

    @org.junit.jupiter.api.AfterEach
    void restoreSettings() {
        // test classes share the table: the mappings and segment this test changed go back as they were
        settings.restore();
    }

    @BeforeEach
    void relayIntoTheTest() {
        settings = io.crmsync.testing.SettingsSnapshot.take(mappings, segments, "contact");
        segments.choose("contact", null);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName"),
                FieldMapping.of("jobtitle", "Title")));
        salesforce().changeEvents().select("Contact", "Lead").relay(relayed::add);
        // people and other integrations call the sandbox with their own sessions
        salesforce().acceptAnyToken(true);
        drainSyncQueue();
    }

    @AfterEach
    void noRelay() {
        salesforce().changeEvents().relay(null);
        salesforce().changeEvents().reset();
        salesforce().acceptAnyToken(false);
    }

    @Test
    void personsEdit_becomesAChangeEvent_andReachesHubSpot() throws Exception {
        // given
        Pairing p = pairedContact();

        // when a person edits the title through the API
        patchContact(p.salesforceId(), "{\"Title\":\"Director\"}", null);
        List<String> events = relayedEvents(1);
        List<String> failed = deliver(events);
        drainSyncQueue().forEach(worker::process);

        // then: the event had the real header and only the changed fields, and HubSpot has the value
        var header = JSON.readTree(events.get(0)).path("detail").path("payload").path("ChangeEventHeader");
        assertThat(header.path("changeType").asText()).isEqualTo("UPDATE");
        assertThat(header.path("recordIds").get(0).asText()).isEqualTo(p.salesforceId());
        assertThat(JSON.readTree(events.get(0)).path("detail").path("payload").has("LastName")).isFalse();
        assertThat(failed).isEmpty();
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("jobtitle", "Director");
    }

    @Test
    void crmSyncsOwnWrite_carriesItsClientId_andIsDropped() throws Exception {
        // given
        Pairing p = pairedContact();

        // when crm-sync's Salesforce client writes (as the worker does)
        salesforceClient.update(List.of(new io.crmsync.salesforce.model.SObject("Contact", p.salesforceId(),
                Map.of("Title", "Written by crm-sync"))));
        List<String> events = relayedEvents(1);
        deliver(events);

        // then
        assertThat(JSON.readTree(events.get(0)).path("detail").path("payload").path("ChangeEventHeader")
                .path("changeOrigin").asText()).endsWith(";client=crm-sync");
        assertThat(drainSyncQueue()).isEmpty();
    }

    @Test
    void oneEventNamingSeveralRecords_queuesThemAll() {
        // given three contacts given the same title in one Collections call by another integration
        List<String> ids = List.of(insertContact(), insertContact(), insertContact());
        relayed.clear();
        StringBuilder body = new StringBuilder("{\"allOrNone\":false,\"records\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"attributes\":{\"type\":\"Contact\"},\"Id\":\"").append(ids.get(i))
                    .append("\",\"Title\":\"Same\"}");
        }
        io.restassured.RestAssured.given().baseUri(salesforce().baseUrl()).auth().oauth2("other-integration")
                .contentType("application/json").body(body + "]}").patch("/services/data/v62.0/composite/sobjects")
                .then().statusCode(200);

        // when
        deliver(relayedEvents(1));

        // then
        assertThat(salesforceIds(drainSyncQueue())).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void duplicateDelivery_isQueuedOnce_andOlderEventAfterNewer_leavesTheNewerValue() {
        // given two edits, A then B
        Pairing p = pairedContact();
        patchContact(p.salesforceId(), "{\"Title\":\"A\"}", null);
        patchContact(p.salesforceId(), "{\"Title\":\"B\"}", null);
        List<String> events = relayedEvents(2);

        // when delivered newest first, the newest twice (EventBridge and SQS deliver at least once)
        deliver(List.of(events.get(1)));
        deliver(List.of(events.get(1)));
        List<SyncBatchMessage> newest = drainSyncQueue();
        newest.forEach(worker::process);
        deliver(List.of(events.get(0)));
        drainSyncQueue().forEach(worker::process);

        // then
        assertThat(newest).hasSize(1);
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("jobtitle", "B");
    }

    @Test
    void gapEvent_withoutFieldValues_isSyncedByReadingTheRecord() throws Exception {
        Pairing p = pairedContact();
        salesforce().changeEvents().gapNext(1);

        patchContact(p.salesforceId(), "{\"Title\":\"Through a gap\"}", null);
        List<String> events = relayedEvents(1);
        deliver(events);
        drainSyncQueue().forEach(worker::process);

        var payload = JSON.readTree(events.get(0)).path("detail").path("payload");
        assertThat(payload.path("ChangeEventHeader").path("changeType").asText()).isEqualTo("GAP_UPDATE");
        assertThat(payload.has("Title")).isFalse();
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("jobtitle", "Through a gap");
    }

    @Test
    void overflowAndLostEvents_areRepairedByThePoll() {
        // given two paired contacts, the poll's watermarks at now
        Pairing overflowed = pairedContact();
        Pairing lost = pairedContact();
        PollWatermarks.allAt(Instant.now());

        // when one change comes as an overflow event and the relay loses the other's event
        salesforce().changeEvents().overflowNext();
        patchContact(overflowed.salesforceId(), "{\"Title\":\"Overflowed\"}", null);
        salesforce().changeEvents().dropNext(1);
        patchContact(lost.salesforceId(), "{\"Title\":\"Lost\"}", null);
        deliver(relayedEvents(1));

        // then events alone carry neither
        assertThat(drainSyncQueue()).isEmpty();
        assertThat(salesforce().changeEvents().dropped()).isEqualTo(1);

        // and the next poll does
        poller.poll(UUID.randomUUID().toString(), Instant.now());
        drainSyncQueue().forEach(worker::process);
        assertThat(hubspot().record("contact", overflowed.hubspotId()).orElseThrow()).containsEntry("jobtitle", "Overflowed");
        assertThat(hubspot().record("contact", lost.hubspotId()).orElseThrow()).containsEntry("jobtitle", "Lost");
    }

    @Test
    void messageThatIsNoChangeEvent_failsAlone_andGoesBackToTheQueue() {
        String good = "{\"version\":\"0\",\"id\":\"x\",\"detail-type\":\"ContactChangeEvent\",\"source\":"
                + "\"aws.partner/salesforce.com/00D/0YL\",\"detail\":{\"payload\":{\"ChangeEventHeader\":{"
                + "\"entityName\":\"Account\",\"changeType\":\"UPDATE\",\"recordIds\":[\"0015g00000000AAAAA\"],"
                + "\"changeOrigin\":\"\",\"transactionKey\":\"" + UUID.randomUUID() + "\",\"sequenceNumber\":1,"
                + "\"commitTimestamp\":1}}}}";
        String platformEvent = good.replace("ChangeEventHeader", "Message__c");
        String otherSource = good.replace("aws.partner/salesforce.com", "aws.partner/example.com");
        String badId = good.replace("0015g00000000AAAAA", "' OR 1=1");
        var event = sqsBatch(QUEUE_ARN, List.of(good, platformEvent, otherSource, badId));
        List<String> ids = messageIds(event);

        List<String> failed = deliverEach("changeEvents", event);

        assertThat(failed).containsExactlyInAnyOrder(ids.get(1), ids.get(2), ids.get(3));
        assertThat(salesforceIds(drainSyncQueue())).containsExactly("0015g00000000AAAAA");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private List<String> deliver(List<String> events) {
        return deliverEach("changeEvents", sqsBatch(QUEUE_ARN, events));
    }

    /** Waits for the sandbox's relay thread, then takes what it relayed. */
    private List<String> relayedEvents(int expected) {
        salesforce().changeEvents().flush();
        List<String> out = new ArrayList<>(relayed);
        relayed.clear();
        assertThat(out).hasSize(expected);
        return out;
    }

    private Pairing pairedContact() {
        String id = insertContact();
        worker.process(new SyncBatchMessage(UUID.randomUUID().toString(), "contact", "POLL",
                List.of(new SyncBatchMessage.RecordRef(null, id))));
        drainSyncQueue();
        salesforce().changeEvents().flush();
        relayed.clear();
        return pairings.findBySalesforceIds("contact", List.of(id)).get(id);
    }

    private static String insertContact() {
        return salesforce().insert("Contact", Map.of("LastName", "Event", "Title", "Engineer",
                "Email", "cdc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
    }

    private static void patchContact(String id, String body, String callOptions) {
        var request = io.restassured.RestAssured.given().baseUri(salesforce().baseUrl()).auth().oauth2("a-person")
                .contentType("application/json").body(body);
        if (callOptions != null) {
            request.header("Sforce-Call-Options", callOptions);
        }
        request.patch("/services/data/v62.0/sobjects/Contact/" + id).then().statusCode(204);
    }

    static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
