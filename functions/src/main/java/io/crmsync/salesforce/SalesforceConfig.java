package io.crmsync.salesforce;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How crm-sync reaches the Salesforce org, under {@code crmsync.salesforce}. Secrets come through SecretResolver. */
@ConfigMapping(prefix = "crmsync.salesforce")
public interface SalesforceConfig {

    /** Where the OAuth token endpoint lives (login.salesforce.com, test.salesforce.com or the My Domain host). */
    String loginUrl();

    @WithDefault("v62.0")
    String apiVersion();

    @WithDefault("client-credentials")
    AuthFlow auth();

    String clientId();

    /** The integration user, {@code sub} of the JWT (JWT flow only). */
    Optional<String> username();

    /** {@code aud} of the JWT; defaults to the login URL. */
    Optional<String> audience();

    /** PEM PKCS#8 RSA private key, inline (local runs only). */
    Optional<String> privateKey();

    /** SSM SecureString parameter holding the PEM private key (deployments). */
    Optional<String> privateKeyParameter();

    Optional<String> clientSecret();

    Optional<String> clientSecretParameter();

    @WithDefault("10s")
    Duration connectTimeout();

    @WithDefault("120s")
    Duration readTimeout();

    Retry retry();

    interface Retry {
        /** Retries after the first attempt, for transient failures only. */
        @WithDefault("4")
        int maxRetries();

        @WithDefault("500ms")
        Duration initialDelay();

        @WithDefault("20s")
        Duration maxDelay();

        /** Random spread added to each delay so that parallel workers do not retry in step. */
        @WithDefault("250ms")
        Duration jitter();
    }

    enum AuthFlow {
        JWT, CLIENT_CREDENTIALS
    }
}
