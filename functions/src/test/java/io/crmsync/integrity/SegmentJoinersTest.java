package io.crmsync.integrity;

import static io.crmsync.testing.LambdaEvents.invoke;
import static io.crmsync.testing.LambdaEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.config.CrmSyncConfig;
import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.CrmSide;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.sync.PollTestProfile;
import io.crmsync.sync.poll.CrashingFanOut;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.crmsync.testing.SyncQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Records that join the inclusion segment without changing (added to a static list) are found only by comparing the
 * segment's membership with the previous poll's. Neither a poll that dies midway nor an index that lags may lose them.
 */
@QuarkusTest
@TestProfile(PollTestProfile.class)
class SegmentJoinersTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    WatermarkRepository watermarks;
    @Inject
    PairingRepository pairings;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    FunctionDispatcher functions;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    CrmSyncConfig config;

    private SettingsSnapshot settings;
    private String listId;
    private String joiner;

    @BeforeEach
    void staticListWithOneSyncedMember() {
        settings = SettingsSnapshot.take(mappings, segments, "contact");
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName"),
                FieldMapping.of("company", "Company")));
        String longAgo = Instant.now().minus(Duration.ofHours(2)).toString();
        List<String> ids = hubspot().seed("contact", List.of(contact("member", longAgo), contact("joiner", longAgo)));
        joiner = ids.get(1);
        listId = hubspotClient.lists().create("Joiners " + UUID.randomUUID(), "0-1",
                HubSpotList.ProcessingType.MANUAL, null).listId();
        hubspotClient.lists().addMembers(listId, List.of(ids.get(0)));
        segments.choose("contact", listId);
        Instant now = Instant.now();
        for (String key : List.of("contact.Lead", "contact.Contact")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, now, null, now));
        }
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, now, null, now));
        SyncQueue.drain();
        pollAndSync();
        assertThat(pairings.findByHubspotId("contact", ids.get(0))).isPresent();
    }

    @AfterEach
    void restore() {
        CrashingFanOut.disarm();
        settings.restore();
        SyncQueue.drain();
    }

    @Test
    void pollCrashesAfterReadingMembership_beforeQueuingJoiners_theNextPollStillSyncsThem() {
        // given: a record added to the segment's static list, with no change of its own
        hubspotClient.lists().addMembers(listId, List.of(joiner));

        // when: the poll dies after it read the new membership, before it queued the joiners; the next poll runs
        CrashingFanOut.crashBeforeSending("POLL", 1);
        String crashed = invoke(scheduled(Instant.now().toString())).then().extract().asString();
        assertThat(crashed).contains("FAILED").contains("Injected crash");
        pollAndSync();

        // then: the joiner synced (its Salesforce lead exists) all the same
        assertThat(pairings.findByHubspotId("contact", joiner)).as("the joiner's pairing").isPresent();
    }

    @Test
    void indexLagsBehindTheNewSnapshot_whenWorkersRun_joinersStillSync() {
        // given: a record added to the segment's static list, with no change of its own
        hubspotClient.lists().addMembers(listId, List.of(joiner));
        Instant before = Instant.now();

        // when: the poll queues the joiner, and the workers run while the segment index does not show the poll's
        // snapshot yet (DynamoDB's GSIs are eventually consistent)
        invoke(scheduled(Instant.now().toString())).then().statusCode(200);
        Runnable catchUp = hideFromSegmentIndex(before);
        syncQueued();
        // then the index catches up, and polls go on
        catchUp.run();
        pollAndSync();

        // then
        assertThat(pairings.findByHubspotId("contact", joiner)).as("the joiner's pairing").isPresent();
    }

    private void pollAndSync() {
        invoke(scheduled(Instant.now().toString())).then().statusCode(200);
        syncQueued();
    }

    /** Runs every queued batch through the syncBatch function, as SQS would deliver them. */
    private void syncQueued() {
        for (var message : SyncQueue.drain()) {
            try {
                functions.invoke("syncBatch", JSON.writeValueAsString(message));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * What an index that lags looks like to a reader: the segment's snapshots taken since {@code since} are not in it
     * yet. Their index keys are taken off the items until the returned action puts them back (the index caught up).
     */
    private Runnable hideFromSegmentIndex(Instant since) {
        var items = dynamo.query(r -> r.tableName(config.tableName()).indexName("gsi1")
                .keyConditionExpression("gsi1pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SEG#contact#" + listId)))).items();
        List<Runnable> hidden = new java.util.ArrayList<>();
        for (var item : items) {
            Instant takenAt = Instant.parse(item.get("takenAt").s());
            if (!takenAt.isBefore(since.minusSeconds(1))) {
                var key = new HashMap<String, AttributeValue>();
                key.put("pk", item.get("pk"));
                key.put("sk", item.get("sk"));
                dynamo.updateItem(r -> r.tableName(config.tableName()).key(key).updateExpression("REMOVE gsi1pk, gsi1sk"));
                hidden.add(() -> dynamo.updateItem(r -> r.tableName(config.tableName()).key(key)
                        .updateExpression("SET gsi1pk = :pk, gsi1sk = :sk")
                        .expressionAttributeValues(Map.of(":pk", item.get("gsi1pk"), ":sk", item.get("gsi1sk")))));
            }
        }
        return () -> hidden.forEach(Runnable::run);
    }

    private static Map<String, String> contact(String name, String modifiedAt) {
        return Map.of("email", name + "-" + UUID.randomUUID() + "@example.com", "lastname", name, "company", "Co",
                "lastmodifieddate", modifiedAt, "createdate", modifiedAt);
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
