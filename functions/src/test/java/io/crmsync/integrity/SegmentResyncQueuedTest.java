package io.crmsync.integrity;

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
import io.crmsync.resync.ResyncFixtures;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import io.crmsync.sync.poll.CrashingFanOut;
import io.crmsync.testing.EmbeddedAwsTestResource;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * {@code POST /segments/{listId}/resync} answers at once with a queued job; the membership read and the fan-out run
 * in the sync worker. A retried request answers the same job and never starts a second one, and a crash at any step
 * (before queuing, after queuing, mid fan-out) leaves no job RUNNING for good: a retry or SQS's redelivery resumes it
 * and it finishes with counts matching the members. Paired contacts whose sides disagree (phone only in HubSpot), so
 * every member is written once.
 */
@QuarkusTest
class SegmentResyncQueuedTest {

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
        settings = SettingsSnapshot.take(mappings, segmentSettings, "contact");
        ResyncFixtures.contactMappingsWithoutSegment(mappings, segmentSettings);
        discardSyncQueue();
    }

    @AfterEach
    void restore() {
        CrashingFanOut.disarm();
        settings.restore();
    }

    @Test
    void retriedRequest_withTheSameIdempotencyKey_answersOneJob_andWritesEachMemberOnce() {
        // given
        Members members = pairedMembers(3);
        Map<String, String> key = Map.of("idempotency-key", unique("retry"));

        // when: the client did not see the first answer and sends the request again
        JsonNode first = api("POST", "/segments/" + members.listId() + "/resync", null, null, key, 202);
        JsonNode retried = api("POST", "/segments/" + members.listId() + "/resync", null, null, key, 202);
        drainSyncQueue(functions);
        JsonNode afterCompletion = api("POST", "/segments/" + members.listId() + "/resync", null, null, key, 202);

        // then
        String id = first.path("resyncId").asText();
        assertThat(first.path("status").asText()).isEqualTo("QUEUED");
        assertThat(retried.path("resyncId").asText()).isEqualTo(id);
        assertThat(afterCompletion.path("resyncId").asText()).isEqualTo(id);
        assertThat(afterCompletion.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(discardSyncQueue()).as("a finished job is answered, not queued again").isZero();
        assertCompleted(id, members);
    }

    @Test
    void retriedRequest_withoutAKey_answersTheOpenJob_andANewRequestAfterItFinishesStartsAnother() {
        // given
        Members members = pairedMembers(2);

        // when
        JsonNode first = api("POST", "/segments/" + members.listId() + "/resync", null, null, 202);
        JsonNode retried = api("POST", "/segments/" + members.listId() + "/resync", null, null, 202);
        drainSyncQueue(functions);
        JsonNode later = api("POST", "/segments/" + members.listId() + "/resync", null, null, 202);
        drainSyncQueue(functions);

        // then
        String id = first.path("resyncId").asText();
        assertThat(retried.path("resyncId").asText()).isEqualTo(id);
        assertCompleted(id, members);
        assertThat(later.path("resyncId").asText()).isNotEqualTo(id);
        JsonNode second = api("GET", "/resyncs/" + later.path("resyncId").asText(), null, null, 200);
        assertThat(second.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(second.path("processed").asLong()).isEqualTo(2);
        assertThat(second.path("written").asLong()).as("the first resync already wrote both sides").isZero();
    }

    @Test
    void crashBeforeQueuing_theRetriedRequestQueuesTheSameJob_whichCompletes() {
        // given
        Members members = pairedMembers(3);
        Map<String, String> key = Map.of("idempotency-key", unique("crash"));
        CrashingFanOut.crashBeforeSending("RESYNC_SEGMENT", 1);

        // when
        JsonNode crashed = api("POST", "/segments/" + members.listId() + "/resync", null, null, key, 500);
        JsonNode retried = api("POST", "/segments/" + members.listId() + "/resync", null, null, key, 202);
        drainSyncQueue(functions);

        // then
        assertThat(crashed.path("error").path("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertCompleted(retried.path("resyncId").asText(), members);
    }

    @Test
    void crashAfterQueuing_beforeAnswering_theWorkerStillRunsTheJob_withoutARetry() {
        // given
        Members members = pairedMembers(3);
        Map<String, String> key = Map.of("idempotency-key", unique("queued"));
        CrashingFanOut.crashAfterFirstMessage("RESYNC_SEGMENT");

        // when: the API dies after queuing; the client never asks again
        api("POST", "/segments/" + members.listId() + "/resync", null, null, key, 500);
        drainSyncQueue(functions);

        // then: the same request now answers the job the worker ran
        JsonNode job = api("POST", "/segments/" + members.listId() + "/resync", null, null, key, 202);
        assertThat(discardSyncQueue()).isZero();
        assertCompleted(job.path("resyncId").asText(), members);
    }

    @Test
    void crashMidFanOut_theRedeliveredStepQueuesTheRest_andTheJobCountsEveryMemberOnce() {
        // given: 201 members, two batches; the worker dies after queuing the first
        Members members = pairedMembers(201);
        String id = api("POST", "/segments/" + members.listId() + "/resync", null, null, 202).path("resyncId").asText();
        String step = receiveOne();
        CrashingFanOut.crashAfterFirstMessage("RESYNC");

        // when
        try {
            functions.invoke("syncBatch", step);
        } catch (RuntimeException e) {
            assertThat(e).hasStackTraceContaining("Injected crash");
        }
        JsonNode midway = api("GET", "/resyncs/" + id, null, null, 200);
        functions.invoke("syncBatch", step); // SQS redelivers the step
        drainSyncQueue(functions);

        // then
        assertThat(midway.path("status").asText()).isEqualTo("RUNNING");
        assertCompleted(id, members);
        JsonNode job = api("GET", "/resyncs/" + id, null, null, 200);
        assertThat(job.path("batches").asLong()).isEqualTo(2);
        assertThat(job.path("batchesDone").asLong()).isEqualTo(2);
    }

    private void assertCompleted(String id, Members members) {
        JsonNode job = api("GET", "/resyncs/" + id, null, null, 200);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("COMPLETED");
        assertThat(job.path("members").asLong()).isEqualTo(members.size());
        assertThat(job.path("processed").asLong()).as(job.toString()).isEqualTo(members.size());
        assertThat(job.path("written").asLong()).as(job.toString()).isEqualTo(members.size());
        assertThat(job.path("failed").asLong()).isZero();
        assertThat(job.path("batchesDone").asLong()).isEqualTo(job.path("batches").asLong());
        for (int i : new int[] { 0, members.size() - 1 }) {
            assertThat(salesforce().record("Contact", members.salesforceIds().get(i)).get("Phone"))
                    .isEqualTo(members.tag() + "-" + i);
        }
    }

    private record Members(String tag, String listId, List<String> hubspotIds, List<String> salesforceIds) {
        int size() {
            return hubspotIds.size();
        }
    }

    private Members pairedMembers(int count) {
        String tag = unique("q");
        List<String> sfIds = salesforce().seed("Contact", count, i -> Map.of("LastName", "Member " + i,
                "Email", tag + "-" + i + "@example.com"));
        List<String> hsIds = hubspot().seed("contact", count, i -> Map.of("lastname", "Member " + i,
                "email", tag + "-" + i + "@example.com", "phone", tag + "-" + i));
        for (int i = 0; i < count; i++) {
            pairings.create(Pairing.of("contact", hsIds.get(i), sfIds.get(i), SalesforceType.CONTACT));
        }
        HubSpotList list = hubspotClient.lists().create(tag, "0-1", HubSpotList.ProcessingType.MANUAL, null);
        hubspotClient.lists().addMembers(list.listId(), hsIds);
        return new Members(tag, list.listId(), hsIds, sfIds);
    }

    /** The one message on the sync queue, received and deleted (the test delivers it itself). */
    private static String receiveOne() {
        var aws = EmbeddedAwsTestResource.aws();
        String url = aws.queueUrl("SyncBatchesQueue");
        try (var sqs = aws.newSqsClient()) {
            var messages = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(0))
                    .messages();
            assertThat(messages).hasSize(1);
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(messages.get(0).receiptHandle()));
            return messages.get(0).body();
        }
    }

    static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
