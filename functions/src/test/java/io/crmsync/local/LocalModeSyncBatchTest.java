package io.crmsync.local;

import static io.crmsync.testing.Eventually.eventually;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.crmsync.config.CrmSyncConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Local mode's SQS event source hands the sync worker what it receives as one batch, as Lambda does, and the batch's
 * messages run at once as Funqy runs them there. Observed from outside: the HubSpot sandbox's requests in flight.
 */
@QuarkusTest
@TestProfile(LocalModeProfile.class)
class LocalModeSyncBatchTest {

    @Inject
    SqsClient sqs;

    @Inject
    CrmSyncConfig config;

    @ConfigProperty(name = "crmsync.salesforce.login-url")
    URI salesforce;

    @ConfigProperty(name = "crmsync.hubspot.base-url")
    URI hubspot;

    @Test
    void syncMessagesReceivedTogether_runAtOnce_andOnlyTheBadOneIsRetried() {
        // given four demo leads paired with HubSpot contacts by a first delivery
        JsonPath leads = given().port(salesforce.getPort()).auth().oauth2("local")
                .queryParam("q", "SELECT Id, Email FROM Lead WHERE City = 'Austin' AND Email != null"
                        + " ORDER BY Email DESC LIMIT 4")
                .get("/services/data/v62.0/query").jsonPath();
        List<String> ids = leads.getList("records.Id");
        List<String> emails = leads.getList("records.Email");
        assertThat(ids).hasSize(4);
        sqs.sendMessageBatch(r -> r.queueUrl(queue()).entries(messages("local-pair", ids)));
        for (String email : emails) {
            eventually(() -> contactExists(email) ? email : null);
        }
        eventually(() -> queueDepth() == 0 ? true : null);
        // and their sync messages again (one message reads HubSpot with one call), beside one without records, with
        // HubSpot answering each call after 300 ms
        List<SendMessageBatchRequestEntry> entries = messages("local-at-once", ids);
        entries.add(2, entry("bad", "{\"batchId\":\"no-records\",\"object\":\"contact\"}"));
        hubspotSandbox().contentType("application/json").body("{\"latencyMs\":300}").put("/sandbox/faults")
                .then().statusCode(204);
        hubspotSandbox().delete("/sandbox/in-flight").then().statusCode(204);
        int peak;
        try {
            // when they arrive on the sync queue together, and the local event source has delivered them
            sqs.sendMessageBatch(r -> r.queueUrl(queue()).entries(entries));
            eventually(() -> queueDepth() == 0 ? true : null);
            peak = hubspotSandbox().get("/sandbox/in-flight").jsonPath().getInt("peak");
        } finally {
            hubspotSandbox().delete("/sandbox/faults").then().statusCode(204);
        }

        // then HubSpot served the four messages' reads at once (one after another, it would serve one at a time,
        // plus at most the local poller's search), and the bad message went to the dead-letter queue alone
        assertThat(peak).as("HubSpot requests in flight at once").isGreaterThanOrEqualTo(3);
        List<String> parked = new ArrayList<>();
        for (int attempt = 0; attempt < 20 && parked.isEmpty(); attempt++) {
            sqs.receiveMessage(r -> r.queueUrl(queue() + "-dlq").waitTimeSeconds(1).maxNumberOfMessages(10))
                    .messages().forEach(m -> parked.add(m.body()));
        }
        assertThat(parked).contains("{\"batchId\":\"no-records\",\"object\":\"contact\"}")
                .noneMatch(body -> body.contains("local-at-once"));
    }

    private String queue() {
        return config.queues().syncBatchesUrl();
    }

    private static List<SendMessageBatchRequestEntry> messages(String prefix, List<String> salesforceIds) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < salesforceIds.size(); i++) {
            entries.add(entry("m" + i, "{\"batchId\":\"" + prefix + "-" + i + "\",\"object\":\"contact\","
                    + "\"reason\":\"POLL\",\"records\":[{\"salesforceId\":\"" + salesforceIds.get(i) + "\"}]}"));
        }
        return entries;
    }

    /** Messages on the sync queue, visible or being handled. */
    private int queueDepth() {
        var attributes = sqs.getQueueAttributes(r -> r.queueUrl(queue()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }

    private io.restassured.specification.RequestSpecification hubspotSandbox() {
        return given().port(hubspot.getPort());
    }

    /** Whether HubSpot's search finds the contact (a search refused for its rate limit counts as not yet). */
    private boolean contactExists(String email) {
        Integer total = given().port(hubspot.getPort()).auth().oauth2("local").contentType("application/json").body("""
                {"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"%s"}]}]}"""
                .formatted(email)).post("/crm/v3/objects/contacts/search").jsonPath().get("total");
        return total != null && total > 0;
    }
}
