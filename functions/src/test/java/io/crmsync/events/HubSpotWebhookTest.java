package io.crmsync.events;

import static io.crmsync.events.EventQueues.drainSyncQueue;
import static io.crmsync.events.EventQueues.hubspotIds;
import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.events.hubspot.WebhookSignature;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.SyncBatchService;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The HubSpot webhook through the api function, as API Gateway hands it over: signed batches are queued as sync work
 * (and synced by the worker), everything wrongly signed, stale, malformed, replayed or written by crm-sync itself is
 * not.
 */
@QuarkusTest
class HubSpotWebhookTest {

    /** As configured for tests in application.properties. */
    static final String APP_SECRET = "test-app-secret";
    static final String APP_ID = "777001";
    static final String HOST = "abc123.execute-api.eu-west-1.amazonaws.com";
    private static final AtomicLong EVENT_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Inject
    SyncBatchService worker;
    @Inject
    MappingCatalog mappings;
    @Inject
    PairingRepository pairings;
    @Inject
    InclusionSegmentSettings segments;

    private io.crmsync.testing.SettingsSnapshot settings;

    @org.junit.jupiter.api.AfterEach
    void restoreSettings() {
        // test classes share the table: the mappings and segment this test changed go back as they were
        settings.restore();
    }

    @BeforeEach
    void emptyQueue() {
        settings = io.crmsync.testing.SettingsSnapshot.take(mappings, segments, "contact");
        segments.choose("contact", null);
        drainSyncQueue();
    }

    @Test
    void signedPropertyChange_isQueued_andTheWorkerCarriesItToSalesforce() {
        // given: a paired contact whose job title syncs both ways
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"),
                new FieldMapping("jobtitle", "Title", SyncRule.TWO_WAY), FieldMapping.of("lastname", "LastName")));
        Pairing pairing = pairedContact();
        hubspot().faults().clear();
        patchHubSpot(pairing.hubspotId(), "jobtitle", "Chief Engineer");

        // when: HubSpot's webhook arrives
        String body = "[" + event("contact.propertyChange", pairing.hubspotId(), "jobtitle", "Chief Engineer",
                "CRM_UI", "userId:42") + "]";
        JsonPath answer = post(body, Instant.now(), APP_SECRET, 200);
        List<SyncBatchMessage> queued = drainSyncQueue();
        queued.forEach(worker::process);

        // then
        assertThat(answer.getInt("queued")).isEqualTo(1);
        assertThat(hubspotIds(queued)).containsExactly(pairing.hubspotId());
        assertThat(queued.get(0).reason()).isEqualTo("EVENT");
        assertThat(salesforce().record("Contact", pairing.salesforceId())).containsEntry("Title", "Chief Engineer");
    }

    @Test
    void wrongSecret_isRefusedWith401_andNothingIsQueued() {
        String body = "[" + event("contact.propertyChange", "123", "jobtitle", "x", "CRM_UI", "userId:1") + "]";

        JsonPath answer = post(body, Instant.now(), "not-the-app-secret", 401);

        assertThat(answer.getString("error.code")).isEqualTo("INVALID_SIGNATURE");
        assertThat(answer.getString("error.message")).contains("client secret").doesNotContain(APP_SECRET);
        assertThat(drainSyncQueue()).isEmpty();
    }

    @Test
    void bodyChangedAfterSigning_isRefusedWith401() {
        String signed = "[" + event("contact.propertyChange", "123", "jobtitle", "x", "CRM_UI", "userId:1") + "]";
        String timestamp = String.valueOf(Instant.now().toEpochMilli());
        String signature = WebhookSignature.signature(APP_SECRET, "POST", "https://" + HOST + "/webhooks/hubspot",
                signed, timestamp);

        var answer = send(signed.replace("\"123\"", "\"124\"").replace(":123", ":124"), timestamp, signature);

        assertThat(answer.getInt("statusCode")).isEqualTo(401);
        assertThat(drainSyncQueue()).isEmpty();
    }

    @Test
    void timestampOlderThanFiveMinutes_isRefusedAsStale_evenWhenCorrectlySigned() {
        String body = "[" + event("contact.propertyChange", "123", "jobtitle", "x", "CRM_UI", "userId:1") + "]";

        JsonPath answer = post(body, Instant.now().minusSeconds(301), APP_SECRET, 401);

        assertThat(answer.getString("error.code")).isEqualTo("STALE_TIMESTAMP");
        assertThat(drainSyncQueue()).isEmpty();
    }

    @Test
    void missingSignatureHeaders_areRefusedWith401() {
        var answer = invoke(httpRequest("POST", "/webhooks/hubspot", "", "[]", Map.of("host", HOST,
                "x-forwarded-proto", "https"))).then().statusCode(200).extract().jsonPath();

        assertThat(answer.getInt("statusCode")).isEqualTo(401);
        assertThat(new JsonPath(answer.getString("body")).getString("error.code")).isEqualTo("MISSING_SIGNATURE");
    }

    @Test
    void malformedBodies_correctlySigned_areRefusedWith400_namingWhatIsWrong() {
        assertThat(post("{\"eventId\":1}", Instant.now(), APP_SECRET, 400).getString("error.message"))
                .contains("JSON array");
        assertThat(post("[{\"subscriptionType\":\"contact.creation\",\"objectId\":5}]", Instant.now(), APP_SECRET, 400)
                .getString("error.field")).isEqualTo("[0].eventId");
        assertThat(post("[{\"eventId\":1,\"subscriptionType\":\"contact.creation\",\"objectId\":\"drop table\"}]",
                Instant.now(), APP_SECRET, 400).getString("error.field")).isEqualTo("[0].objectId");
        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 101; i++) {
            tooMany.append(i == 0 ? "" : ",").append(event("contact.creation", String.valueOf(1000 + i), null, null,
                    "CRM_UI", null));
        }
        assertThat(post(tooMany + "]", Instant.now(), APP_SECRET, 400).getString("error.message")).contains("100");
        assertThat(drainSyncQueue()).isEmpty();
    }

    @Test
    void replayedRequest_andHubSpotRetry_queueTheirEventsOnlyOnce() {
        // given: a batch of two events, delivered once
        String first = event("contact.propertyChange", "555001", "lastname", "A", "CRM_UI", "userId:1");
        String second = event("contact.creation", "555002", null, null, "CRM_UI", "userId:1");
        post("[" + first + "," + second + "]", Instant.now(), APP_SECRET, 200);
        assertThat(hubspotIds(drainSyncQueue())).containsExactlyInAnyOrder("555001", "555002");

        // when: the same request again (a replay), and HubSpot's retry of one event (same eventId, attemptNumber 1)
        JsonPath replay = post("[" + first + "," + second + "]", Instant.now(), APP_SECRET, 200);
        JsonPath retry = post("[" + second.replace("\"attemptNumber\":0", "\"attemptNumber\":1") + "]", Instant.now(),
                APP_SECRET, 200);

        // then
        assertThat(replay.getInt("duplicates")).isEqualTo(2);
        assertThat(retry.getInt("duplicates")).isEqualTo(1);
        assertThat(drainSyncQueue()).isEmpty();
    }

    @Test
    void crmSyncsOwnWrites_areDropped_othersInTheSameBatchAreQueued() {
        String own = event("contact.propertyChange", "666001", "jobtitle", "x", "INTEGRATION", APP_ID);
        String otherApp = event("contact.propertyChange", "666002", "jobtitle", "y", "INTEGRATION", "999999");
        String person = event("contact.propertyChange", "666003", "jobtitle", "z", "CRM_UI", "userId:7");

        JsonPath answer = post("[" + own + "," + otherApp + "," + person + "]", Instant.now(), APP_SECRET, 200);

        assertThat(answer.getInt("ownWrites")).isEqualTo(1);
        assertThat(hubspotIds(drainSyncQueue())).containsExactlyInAnyOrder("666002", "666003");
    }

    @Test
    void everyKindOfEvent_namesTheRecordsToSync_mergeBothSides_unsyncedObjectsIgnored() {
        String merge = "{\"eventId\":" + EVENT_IDS.incrementAndGet() + ",\"subscriptionId\":1,\"portalId\":62515,"
                + "\"appId\":" + APP_ID + ",\"occurredAt\":" + Instant.now().toEpochMilli()
                + ",\"subscriptionType\":\"contact.merge\",\"attemptNumber\":0,\"objectId\":777001,"
                + "\"primaryObjectId\":777001,\"mergedObjectIds\":[777002,777003],\"changeSource\":\"CRM_UI\"}";
        String association = "{\"eventId\":" + EVENT_IDS.incrementAndGet() + ",\"subscriptionId\":1,"
                + "\"portalId\":62515,\"appId\":" + APP_ID + ",\"occurredAt\":1,\"subscriptionType\":"
                + "\"company.associationChange\",\"attemptNumber\":0,\"fromObjectId\":888001,\"toObjectId\":777001,"
                + "\"associationType\":\"COMPANY_TO_CONTACT\",\"changeSource\":\"CRM_UI\"}";
        String deal = event("deal.deletion", "999001", null, null, "CRM_UI", null);
        String restore = event("ticket.restore", "999002", null, null, "CRM_UI", null);
        String unsynced = event("line_item.creation", "999003", null, null, "CRM_UI", null);

        JsonPath answer = post("[" + merge + "," + association + "," + deal + "," + restore + "," + unsynced + "]",
                Instant.now(), APP_SECRET, 200);
        List<SyncBatchMessage> queued = drainSyncQueue();

        assertThat(answer.getInt("ignored")).isEqualTo(1);
        Map<String, List<String>> byObject = new HashMap<>();
        queued.forEach(m -> byObject.computeIfAbsent(m.object(), k -> new java.util.ArrayList<>())
                .addAll(hubspotIds(List.of(m))));
        assertThat(byObject).containsOnlyKeys("contact", "company", "deal", "ticket");
        assertThat(byObject.get("contact")).containsExactlyInAnyOrder("777001", "777002", "777003");
        assertThat(byObject.get("company")).containsExactly("888001");
    }

    @Test
    void apiUsage_showsChangeEventDeliveries_andSaysWhenTheyNearTheAllocation() {
        // given an org whose change-event deliveries reached 85% of its allocation
        salesforce().changeEvents().deliveryAllocation(1_000);
        salesforce().changeEvents().addDelivered(850);
        try {
            // when
            JsonPath usage = io.crmsync.testing.LambdaEvents.apiBody("GET", "/api-usage", "", null, 200);

            // then
            assertThat(usage.getLong("changeEvents.deliveredLast24Hours")).isEqualTo(850);
            assertThat(usage.getLong("changeEvents.allocation")).isEqualTo(1_000);
            assertThat(usage.getString("changeEvents.status")).isEqualTo("NEAR_ALLOCATION");
            assertThat(usage.getString("changeEvents.message")).contains("15-minute poll");
        } finally {
            salesforce().changeEvents().reset();
            salesforce().changeEvents().deliveryAllocation(50_000);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static String event(String type, String objectId, String property, String value, String changeSource,
            String sourceId) {
        StringBuilder json = new StringBuilder("{\"eventId\":" + EVENT_IDS.incrementAndGet()
                + ",\"subscriptionId\":4242,\"portalId\":62515,\"appId\":" + APP_ID + ",\"occurredAt\":"
                + Instant.now().toEpochMilli() + ",\"subscriptionType\":\"" + type + "\",\"attemptNumber\":0,"
                + "\"objectId\":" + objectId);
        if (property != null) {
            json.append(",\"propertyName\":\"").append(property).append("\",\"propertyValue\":\"").append(value)
                    .append("\",\"changeFlag\":\"UPDATED\"");
        }
        json.append(",\"changeSource\":\"").append(changeSource).append('"');
        if (sourceId != null) {
            json.append(",\"sourceId\":\"").append(sourceId).append('"');
        }
        return json.append('}').toString();
    }

    /** Posts a body signed as HubSpot signs it and returns the api function's answer body. */
    private static JsonPath post(String body, Instant at, String secret, int expectedStatus) {
        String timestamp = String.valueOf(at.toEpochMilli());
        String signature = WebhookSignature.signature(secret, "POST", "https://" + HOST + "/webhooks/hubspot", body,
                timestamp);
        JsonPath answer = send(body, timestamp, signature);
        assertThat(answer.getInt("statusCode")).as(answer.getString("body")).isEqualTo(expectedStatus);
        return new JsonPath(answer.getString("body"));
    }

    private static JsonPath send(String body, String timestamp, String signature) {
        return invoke(httpRequest("POST", "/webhooks/hubspot", "", body, Map.of("host", HOST,
                "x-forwarded-proto", "https", "x-hubspot-request-timestamp", timestamp,
                "x-hubspot-signature-v3", signature, "x-hubspot-signature-version", "v3")))
                .then().statusCode(200).extract().jsonPath();
    }

    private Pairing pairedContact() {
        String email = "webhook-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String contactId = salesforce().insert("Contact", Map.of("LastName", "Hook", "Email", email, "Title", "Engineer"));
        worker.process(new SyncBatchMessage(UUID.randomUUID().toString(), "contact", "POLL",
                List.of(new SyncBatchMessage.RecordRef(null, contactId))));
        drainSyncQueue();
        return pairings.findBySalesforceIds("contact", List.of(contactId)).get(contactId);
    }

    private static void patchHubSpot(String id, String property, String value) {
        io.restassured.RestAssured.given().baseUri(hubspot().baseUrl()).header("Authorization", "Bearer someone-else")
                .contentType("application/json").body("{\"properties\":{\"" + property + "\":\"" + value + "\"}}")
                .patch("/crm/v3/objects/contacts/" + id).then().statusCode(200);
    }

    static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
