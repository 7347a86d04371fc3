package io.crmsync.console;

import static io.crmsync.testing.LambdaEvents.httpRequest;
import static io.crmsync.testing.LambdaEvents.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** Deployed with an OpenID Connect issuer (template.yaml's Console* parameters), the console signs people in. */
@QuarkusTest
@TestProfile(ConsoleSignInTest.WithIssuer.class)
class ConsoleSignInTest {

    public static class WithIssuer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crmsync.console.oidc.issuer", "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123",
                    "crmsync.console.oidc.audience", "4example0client0id", "crmsync.console.oidc.client-id", "");
        }
    }

    @Test
    void clientConfig_namesTheIssuerAndTheClient_theAudienceWhenNoClientIsGiven() {
        JsonPath config = body("/console/config.json");

        assertThat(config.getString("auth.issuer")).isEqualTo("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123");
        assertThat(config.getString("auth.clientId")).isEqualTo("4example0client0id");
        assertThat(config.getString("auth.scopes")).isEqualTo("openid email");
    }

    @Test
    void thePage_mayTalkToTheIssuer_andNothingElseOutsideItsOrigin() {
        JsonPath page = invoke(httpRequest("GET", "/console/imports", null, null)).then().extract().jsonPath();

        assertThat(page.getString("headers.Content-Security-Policy"))
                .contains("connect-src 'self' https://cognito-idp.eu-west-1.amazonaws.com;");
    }

    private static JsonPath body(String path) {
        JsonPath answer = invoke(httpRequest("GET", path, null, null)).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getInt("statusCode")).isEqualTo(200);
        return new JsonPath(answer.getString("body"));
    }
}
