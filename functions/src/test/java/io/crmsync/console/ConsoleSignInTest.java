package io.crmsync.console;

import static io.crmsync.testing.LambdaEvents.call;
import static io.crmsync.testing.LambdaEvents.httpRequest;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.crmsync.integrity.SmallPollBudgetProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Deployed with an OpenID Connect issuer (template.yaml's Console* parameters), the console signs people in. The
 * issuer is configured in {@link SmallPollBudgetProfile}, which this test shares with the poll catch-up tests (one
 * application build and start fewer); that profile exports the poll function, so the api function is called by name.
 */
@QuarkusTest
@TestProfile(SmallPollBudgetProfile.class)
class ConsoleSignInTest {

    @Test
    void clientConfig_namesTheIssuerAndTheClient_theAudienceWhenNoClientIsGiven() {
        JsonPath config = body("/console/config.json");

        assertThat(config.getString("auth.issuer")).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123");
        assertThat(config.getString("auth.clientId")).isEqualTo("4example0client0id");
        assertThat(config.getString("auth.scopes")).isEqualTo("openid email");
    }

    @Test
    void thePage_mayTalkToTheIssuer_andNothingElseOutsideItsOrigin() {
        JsonPath page = call("api", httpRequest("GET", "/console/imports", null, null));

        assertThat(page.getString("headers.Content-Security-Policy"))
                .contains("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com;");
    }

    private static JsonPath body(String path) {
        JsonPath answer = call("api", httpRequest("GET", path, null, null));
        assertThat(answer.getInt("statusCode")).isEqualTo(200);
        return new JsonPath(answer.getString("body"));
    }
}
