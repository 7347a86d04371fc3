package io.crmsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.config.SecretResolver;
import io.crmsync.salesforce.error.LoginFailedException;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class SalesforceClientAuthTest {

    @Inject
    SalesforceClient client;
    @Inject
    SalesforceConfig config;
    @Inject
    SecretResolver secrets;

    private SalesforceSandbox sandbox;

    @BeforeEach
    void reset() {
        sandbox = SalesforceSandboxTestResource.sandbox();
        sandbox.reset();
        client.calls().reset();
    }

    @Test
    void clientCredentials_login_thenQueryWithTheToken() {
        // given
        sandbox.insert("Lead", Map.of("LastName", "Ada", "Company", "Analytical"));
        // when
        long rows = client.count(Soql.count().from("Lead"));
        // then
        assertThat(rows).isEqualTo(1);
        assertThat(client.logins()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void jwtBearer_signsAnAssertionTheSandboxVerifies() {
        // given
        SalesforceClient jwtClient = new SalesforceClient(settings().withAuth(SalesforceConfig.AuthFlow.JWT));
        sandbox.insert("Account", Map.of("Name", "Acme"));
        // when
        long rows = jwtClient.count(Soql.count().from("Account"));
        // then
        assertThat(rows).isEqualTo(1);
        assertThat(jwtClient.logins()).isEqualTo(1);
    }

    @Test
    void jwtBearer_withAKeyTheOrgDoesNotKnow_failsWithInvalidGrant() throws Exception {
        // given
        var otherKey = java.security.KeyPairGenerator.getInstance("RSA");
        otherKey.initialize(2048);
        String pem = "-----BEGIN PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                otherKey.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        SalesforceSettings s = settings().withAuth(SalesforceConfig.AuthFlow.JWT);
        SalesforceClient stranger = new SalesforceClient(new SalesforceSettings(s.loginUrl(), s.apiVersion(), s.auth(),
                s.clientId(), s.username(), s.audience(), () -> pem, s.clientSecret(), s.connectTimeout(),
                s.readTimeout(), s.retry()));
        // when / then
        assertThatThrownBy(() -> stranger.count(Soql.count().from("Lead")))
                .isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageNotContaining(pem.substring(40, 80));
    }

    @Test
    void clientCredentials_wrongSecret_failsWithoutEchoingTheSecret() {
        // given
        SalesforceSettings s = settings();
        SalesforceClient wrong = new SalesforceClient(new SalesforceSettings(s.loginUrl(), s.apiVersion(), s.auth(),
                s.clientId(), s.username(), s.audience(), s.privateKeyPem(), () -> "not-the-secret-123",
                s.connectTimeout(), s.readTimeout(), s.retry()));
        // when / then
        assertThatThrownBy(() -> wrong.limits())
                .isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("invalid_client")
                .hasMessageNotContaining("not-the-secret-123");
    }

    @Test
    void expiredSession_logsInAgain_andRetriesTheCallOnce() {
        // given
        client.limits();
        long loginsBefore = client.logins();
        sandbox.expireSessions();
        client.calls().reset();
        // when
        var limits = client.limits();
        // then
        assertThat(limits).containsKey("DailyApiRequests");
        assertThat(client.logins()).isEqualTo(loginsBefore + 1);
        assertThat(client.calls().count("limits")).as("the refused call and its retry").isEqualTo(2);
    }

    @Test
    void sessionRefusedAgainAfterReLogin_surfacesInsteadOfLooping() {
        // given
        client.limits();
        sandbox.faults().failNext(2, io.crmsync.sandbox.salesforce.SalesforceFault.sessionExpired());
        client.calls().reset();
        // when / then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.limits())
                .isInstanceOf(io.crmsync.salesforce.error.SessionExpiredException.class);
        assertThat(client.calls().count("limits")).isEqualTo(2);
    }

    @Test
    void settings_toString_showsNoSecrets() {
        SalesforceSettings s = settings();
        assertThat(s.toString()).doesNotContain(s.clientSecret().get()).doesNotContain("PRIVATE KEY");
    }

    private SalesforceSettings settings() {
        return SalesforceClientProducer.settings(config, secrets);
    }
}
