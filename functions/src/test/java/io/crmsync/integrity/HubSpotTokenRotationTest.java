package io.crmsync.integrity;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static io.crmsync.resync.ResyncFixtures.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.config.SecretResolver;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.resync.ResyncFixtures;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SalesforceType;
import io.crmsync.testing.SettingsSnapshot;
import jakarta.inject.Inject;
import com.fasterxml.jackson.databind.JsonNode;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A HubSpot private app token rotated where it is configured (SSM) works at once, without a redeploy: the 401 the old
 * token earns makes crm-sync read it again and send the call once more. A token that is still refused is a clear
 * error naming the setting to fix, and never shows the token.
 */
@QuarkusTest
class HubSpotTokenRotationTest {

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segmentSettings;
    @Inject
    PairingRepository pairings;
    @Inject
    FunctionDispatcher functions;

    /** What the SSM parameter holds now. */
    private final AtomicReference<String> ssmValue = new AtomicReference<>();

    @BeforeEach
    void tokenReadFromAStandInForSsm() {
        QuarkusMock.installMockForType(new SecretResolver(null) {
            @Override
            public String resolve(String setting, Optional<String> inline, Optional<String> parameter) {
                return setting.equals("crmsync.hubspot.token") && ssmValue.get() != null ? ssmValue.get()
                        : super.resolve(setting, inline, Optional.empty());
            }
        }, SecretResolver.class);
    }

    @AfterEach
    void backToTheTestToken() {
        // Test classes share the client, and the sandbox tells crm-sync's own writes by their token: the client must
        // leave with the test token, so one 401 makes it read that token again.
        ssmValue.set(HubSpotSandboxTestResource.TEST_TOKEN);
        HubSpotSandboxTestResource.sandbox().requireToken(HubSpotSandboxTestResource.TEST_TOKEN);
        try {
            assertThat(searchStatus()).isEqualTo(200);
        } finally {
            HubSpotSandboxTestResource.sandbox().acceptAnyToken();
        }
    }

    @Test
    void tokenRotatedInSsm_theNextCallUsesTheNewToken_withoutARedeploy() {
        // given: crm-sync has been calling HubSpot with the old token; then the token is rotated (the portal takes
        // only the new one, and SSM holds it)
        assertThat(searchStatus()).isEqualTo(200);
        String rotated = "rotated-" + System.nanoTime();
        ssmValue.set(rotated);
        HubSpotSandboxTestResource.sandbox().requireToken(rotated);

        // when / then
        assertThat(searchStatus()).isEqualTo(200);
    }

    @Test
    void tokenStillRefusedAfterReReading_answers503_namingTheSettingToFix_neverTheToken() {
        // given: SSM holds a token the portal does not take either
        String wrong = "revoked-" + System.nanoTime();
        ssmValue.set(wrong);
        HubSpotSandboxTestResource.sandbox().requireToken("the-portals-current-token");

        // when
        JsonPath answer = invoke(httpRequest("GET", "/records/search", "object=contact&q=123456", null)).then()
                .statusCode(200).extract().jsonPath();

        // then
        assertThat(answer.getInt("statusCode")).isEqualTo(503);
        JsonPath error = new JsonPath(answer.getString("body"));
        assertThat(error.getString("error.code")).isEqualTo("HUBSPOT_TOKEN_REJECTED");
        assertThat(error.getString("error.message")).contains("crmsync.hubspot.token-parameter")
                .doesNotContain(wrong);
    }

    @Test
    void tokenRefusedDuringASyncBatch_isASyncHealthErrorNamingTheSetting_andTheRecordSyncsWhenRetriedAfterTheFix() {
        // given: a paired contact whose phone changed in HubSpot, and a token SSM holds that the portal refuses
        var settings = SettingsSnapshot.take(mappings, segmentSettings, "contact");
        try {
            ResyncFixtures.contactMappingsWithoutSegment(mappings, segmentSettings);
            String tag = ResyncFixtures.unique("token");
            String contactId = salesforce().insert("Contact", Map.of("LastName", "Lumbergh",
                    "Email", tag + "@example.com"));
            String hubspotId = HubSpotSandboxTestResource.sandbox().seed("contact", 1, i -> Map.of("lastname",
                    "Lumbergh", "email", tag + "@example.com", "phone", "555-0101")).get(0);
            pairings.create(Pairing.of("contact", hubspotId, contactId, SalesforceType.CONTACT));
            String wrong = "revoked-" + System.nanoTime();
            ssmValue.set(wrong);
            HubSpotSandboxTestResource.sandbox().requireToken("the-portals-current-token");

            // when: the worker runs the batch (it must not fail back to SQS, which would redeliver it until the
            // dead-letter queue)
            functions.invoke("syncBatch", "{\"batchId\":\"" + tag + "\",\"object\":\"contact\",\"reason\":"
                    + "\"POLL\",\"records\":[{\"hubspotId\":\"" + hubspotId + "\"}]}");

            // then: Sync Health names the credential and how to fix it, never the token
            JsonNode health = api("GET", "/sync-errors", "object=contact&category=PERMISSIONS", null, 200);
            assertThat(health.toString()).contains(hubspotId).contains("crmsync.hubspot.token-parameter")
                    .doesNotContain(wrong);
            String errorId = health.findParents("hubspotId").stream()
                    .filter(e -> hubspotId.equals(e.path("hubspotId").asText())).findFirst().orElseThrow()
                    .path("id").asText();

            // when: the token is fixed in SSM and the error retried (as the poll's automatic retry also does)
            ssmValue.set("the-portals-current-token");
            ResyncFixtures.discardSyncQueue();
            api("POST", "/sync-errors/retry", null, "{\"ids\":[\"" + errorId + "\"]}", 202);
            ResyncFixtures.drainSyncQueue(functions);

            // then: the change reached Salesforce and the error is resolved
            assertThat(salesforce().record("Contact", contactId).get("Phone")).isEqualTo("555-0101");
            assertThat(api("GET", "/sync-errors", "object=contact&category=PERMISSIONS", null, 200).toString())
                    .doesNotContain(hubspotId);
        } finally {
            settings.restore();
        }
    }

    private static io.crmsync.sandbox.salesforce.SalesforceSandbox salesforce() {
        return io.crmsync.testing.SalesforceSandboxTestResource.sandbox();
    }

    private static int searchStatus() {
        return invoke(httpRequest("GET", "/records/search", "object=contact&q=123456", null)).then().statusCode(200)
                .extract().jsonPath().getInt("statusCode");
    }
}
