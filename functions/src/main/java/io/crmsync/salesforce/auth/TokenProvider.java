package io.crmsync.salesforce.auth;

import java.net.URI;
import java.security.PrivateKey;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.salesforce.SalesforceConfig;
import io.crmsync.salesforce.SalesforceSettings;
import io.crmsync.salesforce.error.LoginFailedException;
import io.crmsync.salesforce.error.SalesforceUnavailableException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

/**
 * Logs in (JWT bearer or client credentials) and caches the access token until Salesforce says it is no longer
 * valid. Neither flow issues a refresh token, so "refresh" means logging in again.
 */
public final class TokenProvider {

    private static final Logger LOG = Logger.getLogger(TokenProvider.class);
    private static final String JWT_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final SalesforceSettings settings;
    private final OAuthApi oauth;
    private final LongAdder logins = new LongAdder();
    private AccessToken current;
    private PrivateKey privateKey;

    public TokenProvider(SalesforceSettings settings) {
        this.settings = settings;
        this.oauth = QuarkusRestClientBuilder.newBuilder().baseUri(settings.loginUrl())
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(OAuthApi.class);
    }

    public synchronized AccessToken current() {
        if (current == null) {
            current = login();
        }
        return current;
    }

    /** Forgets {@code stale} so the next {@link #current()} logs in; a newer token another caller got is kept. */
    public synchronized void invalidate(AccessToken stale) {
        if (current == stale) {
            current = null;
        }
    }

    /** How many times this provider logged in (token requests do not count against the org's API budget). */
    public long logins() {
        return logins.sum();
    }

    private AccessToken login() {
        logins.increment();
        try (Response response = send()) {
            JsonNode body = response.hasEntity() ? response.readEntity(JsonNode.class) : null;
            if (response.getStatus() != 200) {
                String error = body == null ? "http_" + response.getStatus() : body.path("error").asText("unknown");
                String description = body == null ? null : body.path("error_description").asText(null);
                throw new LoginFailedException(error, description);
            }
            String token = body == null ? null : body.path("access_token").asText(null);
            String instance = body == null ? null : body.path("instance_url").asText(null);
            if (token == null || token.isBlank() || instance == null || !instance.matches("https?://[^\\s]+")) {
                throw new LoginFailedException("invalid_response",
                        "the token response lacks access_token or a valid instance_url");
            }
            LOG.debugf("Logged in to Salesforce (%s flow), instance %s", settings.auth(), instance);
            return new AccessToken(token, URI.create(instance));
        } catch (ProcessingException e) {
            throw new SalesforceUnavailableException("Cannot reach the Salesforce login endpoint " + settings.loginUrl()
                    + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private Response send() {
        if (settings.auth() == SalesforceConfig.AuthFlow.JWT) {
            if (privateKey == null) {
                privateKey = JwtAssertions.parsePrivateKey(settings.privateKeyPem().get());
            }
            String audience = settings.audience() != null ? settings.audience() : settings.loginUrl().toString();
            String assertion = JwtAssertions.sign(settings.clientId(), settings.username(), audience, privateKey);
            return oauth.jwtBearer(JWT_GRANT, assertion);
        }
        return oauth.clientCredentials("client_credentials", settings.clientId(), settings.clientSecret().get());
    }
}
