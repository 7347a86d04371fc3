package io.crmsync.salesforce;

import java.net.URI;

import io.crmsync.config.SecretResolver;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the application's {@link SalesforceClient} from {@link SalesforceConfig}; secrets resolve at first login. */
@ApplicationScoped
public class SalesforceClientProducer {

    /** Unremovable: the client's configuration mapping must be validated even in a function that does not use it. */
    @Produces
    @Singleton
    @Unremovable
    SalesforceClient salesforceClient(SalesforceConfig config, SecretResolver secrets) {
        return new SalesforceClient(settings(config, secrets));
    }

    static SalesforceSettings settings(SalesforceConfig config, SecretResolver secrets) {
        SalesforceConfig.Retry r = config.retry();
        return new SalesforceSettings(URI.create(config.loginUrl()), config.apiVersion(), config.auth(),
                config.clientId(), config.username().orElse(null), config.audience().orElse(null),
                () -> secrets.resolve("crmsync.salesforce.private-key", config.privateKey(),
                        config.privateKeyParameter()),
                () -> secrets.resolve("crmsync.salesforce.client-secret", config.clientSecret(),
                        config.clientSecretParameter()),
                config.connectTimeout(), config.readTimeout(),
                new SalesforceSettings.RetrySettings(r.maxRetries(), r.initialDelay(), r.maxDelay(), r.jitter()));
    }
}
