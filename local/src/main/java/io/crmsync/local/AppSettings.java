package io.crmsync.local;

import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * The application's settings local mode needs, read by their keys: local mode knows the application only through
 * its configuration and its {@code @Funq} names, so nothing in the deployed functions can come to depend on it.
 */
record AppSettings(String tableName, String importChunksUrl, String syncBatchesUrl, String salesforceLoginUrl,
        String salesforceClientId, Optional<String> salesforceClientSecret, Optional<String> salesforceUsername,
        String hubspotBaseUrl, Optional<String> hubspotToken, Optional<String> hubspotAppId,
        Optional<String> hubspotAppSecret) {

    static AppSettings from(Config config) {
        return new AppSettings(
                config.getValue("crmsync.table-name", String.class),
                config.getValue("crmsync.queues.import-chunks-url", String.class),
                config.getValue("crmsync.queues.sync-batches-url", String.class),
                config.getValue("crmsync.salesforce.login-url", String.class),
                config.getValue("crmsync.salesforce.client-id", String.class),
                config.getOptionalValue("crmsync.salesforce.client-secret", String.class),
                config.getOptionalValue("crmsync.salesforce.username", String.class),
                config.getValue("crmsync.hubspot.base-url", String.class),
                config.getOptionalValue("crmsync.hubspot.token", String.class),
                config.getOptionalValue("crmsync.events.hubspot.app-id", String.class),
                config.getOptionalValue("crmsync.events.hubspot.app-secret", String.class));
    }
}
