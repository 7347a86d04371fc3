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
    void syncMessagesReceivedTogether_runAtOnce_andEachRecordReachesHubSpot() {
        // given four demo leads not in HubSpot yet, four sync messages for them and one without records, HubSpot
        // answering each call after 300 ms
        JsonPath leads = given().port(salesforce.getPort()).auth().oauth2("local")
                .queryParam("q", "SELECT Id, Email FROM Lead WHERE City = 'Austin' AND Email != null"
                        + " ORDER BY Email DESC LIMIT 4")
                .get("/services/data/v62.0/query").jsonPath();
        List<String> ids = leads.getList("records.Id");
        List<String> emails = leads.getList("records.Email");
        assertThat(ids).hasSize(4);
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            entries.add(entry("m" + i, "{\"batchId\":\"local-at-once-" + i + "\",\"object\":\"contact\","
                    + "\"reason\":\"POLL\",\"records\":[{\"salesforceId\":\"" + ids.get(i) + "\"}]}"));
        }
        entries.add(2, entry("bad", "{\"batchId\":\"no-records\",\"object\":\"contact\"}"));
        hubspotSandbox().contentType("application/json").body("{\"latencyMs\":300}").put("/sandbox/faults")
                .then().statusCode(204);
        hubspotSandbox().delete("/sandbox/in-flight").then().statusCode(204);
        int peak;
        try {
            // when they arrive on the sync queue together
            sqs.sendMessageBatch(r -> r.queueUrl(config.queues().syncBatchesUrl()).entries(entries));

            // then each lead gets its HubSpot contact, and HubSpot served the messages' calls at once (one message
            // has one HubSpot call in flight at a time; the local poller's search adds at most one)
            for (String email : emails) {
                eventually(() -> contactExists(email) ? email : null);
            }
            peak = hubspotSandbox().get("/sandbox/in-flight").jsonPath().getInt("peak");
        } finally {
            hubspotSandbox().delete("/sandbox/faults").then().statusCode(204);
        }
        assertThat(peak).as("HubSpot requests in flight at once").isGreaterThanOrEqualTo(3);
    }

    private static SendMessageBatchRequestEntry entry(String id, String body) {
        return SendMessageBatchRequestEntry.builder().id(id).messageBody(body).build();
    }

    private io.restassured.specification.RequestSpecification hubspotSandbox() {
        return given().port(hubspot.getPort());
    }

    private boolean contactExists(String email) {
        return given().port(hubspot.getPort()).auth().oauth2("local").contentType("application/json").body("""
                {"filterGroups":[{"filters":[{"propertyName":"email","operator":"EQ","value":"%s"}]}]}"""
                .formatted(email)).post("/crm/v3/objects/contacts/search").jsonPath().getInt("total") > 0;
    }
}
