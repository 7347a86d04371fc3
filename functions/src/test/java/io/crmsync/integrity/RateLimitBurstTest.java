package io.crmsync.integrity;

import static io.crmsync.resync.ResyncFixtures.api;
import static io.crmsync.resync.ResyncFixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.PairingRepository;
import io.crmsync.testing.EmbeddedAwsTestResource;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.QueueWorkers;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A burst of rate-limit 429s on HubSpot's batch endpoints (and only there: the fault is per path) is waited out by
 * the transport: every record arrives once, paired with its own partner, and Sync Health shows nothing.
 */
@QuarkusTest
class RateLimitBurstTest {

    private static final int BURST = 4;

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segmentSettings;
    @Inject
    PairingRepository pairings;

    private SettingsSnapshot settings;

    @BeforeEach
    void companiesWithoutSegment_andAOneSecondWindow() {
        settings = SettingsSnapshot.companiesByNameAndCity(mappings, segmentSettings);
        // HubSpot's window is 10 s; a 1 s one keeps the waits of this test short (the client learns it from headers)
        hubspot().rateLimits().window(Duration.ofSeconds(1), 190);
    }

    @AfterEach
    void restore() {
        given().baseUri(hubspot().baseUrl()).delete("/sandbox/faults").then().statusCode(204);
        hubspot().rateLimits().window(Duration.ofSeconds(10), 190);
        settings.restore();
    }

    @Test
    void burstOf429sOnTheBatchPath_everyRecordSyncedOnce_pairedWithItsOwn_andSyncHealthEmpty() {
        // given: five new accounts, and HubSpot answering its next batch calls with 429
        String tag = unique("burst");
        List<String> accounts = new ArrayList<>();
        StringBuilder refs = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            accounts.add(salesforce().insert("Account", Map.of("Name", tag + " " + i, "BillingCity", "Brest")));
            refs.append(i == 0 ? "" : ",").append("{\"salesforceId\":\"").append(accounts.get(i)).append("\"}");
        }
        String queue = EmbeddedAwsTestResource.aws().queueUrl("SyncBatchesQueue");
        try (var sqs = EmbeddedAwsTestResource.aws().newSqsClient()) {
            sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"batchId\":\"" + tag + "\",\"object\":\"company\","
                    + "\"reason\":\"POLL\",\"records\":[" + refs + "]}"));
        }
        given().baseUri(hubspot().baseUrl()).contentType("application/json")
                .body("{\"failNext\":{\"calls\":" + BURST + ",\"status\":429,\"code\":\"RATE_LIMITS\",\"message\":"
                        + "\"You have reached your ten_secondly_rolling limit.\",\"path\":\"/batch/\"}}")
                .put("/sandbox/faults").then().statusCode(204);
        long batch429sBefore = hubspot().statuses().count("429");
        // (the fault is the batch path's only: other calls are served)
        given().baseUri(hubspot().baseUrl()).header("Authorization", "Bearer t").get("/crm/v3/properties/companies")
                .then().statusCode(200);

        // when
        QueueWorkers.Drain drain = QueueWorkers.drain("SyncBatchesQueue", "syncBatch", 2);

        // then: the burst was met, and waited out within the delivery
        assertThat(hubspot().statuses().count("429") - batch429sBefore).isEqualTo(BURST);
        assertThat(drain.failed()).isZero();
        for (int i = 0; i < accounts.size(); i++) {
            var companies = hubspot().find("companies", "name", tag + " " + i);
            assertThat(companies).hasSize(1);
            assertThat(pairings.findBySalesforceId("company", accounts.get(i)).orElseThrow().hubspotId())
                    .isEqualTo(companies.get(0).get("hs_object_id"));
        }
        String health = api("GET", "/sync-errors", "object=company", null, 200).toString();
        accounts.forEach(id -> assertThat(health).doesNotContain(id));
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
