package io.crmsync.salesforce;

import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Everything one {@link SalesforceClient} needs, as plain values: built from {@link SalesforceConfig} by the
 * producer, or directly by tests. Secrets are suppliers, resolved at login and never held in fields that print.
 */
public record SalesforceSettings(URI loginUrl, String apiVersion, SalesforceConfig.AuthFlow auth, String clientId,
        String username, String audience, Supplier<String> privateKeyPem, Supplier<String> clientSecret,
        Duration connectTimeout, Duration readTimeout, RetrySettings retry) {

    public SalesforceSettings {
        if (!apiVersion.matches("v\\d+\\.\\d+")) {
            throw new IllegalArgumentException("crmsync.salesforce.api-version must look like v62.0, was " + apiVersion);
        }
        if (auth == SalesforceConfig.AuthFlow.JWT && (username == null || username.isBlank())) {
            throw new IllegalArgumentException("crmsync.salesforce.username is required when auth=jwt");
        }
    }

    public record RetrySettings(int maxRetries, Duration initialDelay, Duration maxDelay, Duration jitter) {
    }

    public SalesforceSettings withAuth(SalesforceConfig.AuthFlow newAuth) {
        return new SalesforceSettings(loginUrl, apiVersion, newAuth, clientId, username, audience, privateKeyPem,
                clientSecret, connectTimeout, readTimeout, retry);
    }

    public SalesforceSettings withRetry(RetrySettings newRetry) {
        return new SalesforceSettings(loginUrl, apiVersion, auth, clientId, username, audience, privateKeyPem,
                clientSecret, connectTimeout, readTimeout, newRetry);
    }

    @Override
    public String toString() {
        return "SalesforceSettings[loginUrl=" + loginUrl + ", apiVersion=" + apiVersion + ", auth=" + auth
                + ", clientId=" + clientId + ", username=" + username + "]";
    }
}
