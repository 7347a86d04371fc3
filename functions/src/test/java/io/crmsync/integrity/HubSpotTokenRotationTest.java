package io.crmsync.integrity;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.config.SecretResolver;
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

    private static int searchStatus() {
        return invoke(httpRequest("GET", "/records/search", "object=contact&q=123456", null)).then().statusCode(200)
                .extract().jsonPath().getInt("statusCode");
    }
}
