package io.crmsync.config;

import io.smallrye.config.ConfigMapping;

/** Everything crm-sync reads from configuration, under the {@code crmsync} prefix. */
@ConfigMapping(prefix = "crmsync")
public interface CrmSyncConfig {

    /** The single DynamoDB table holding pairings, jobs, snapshots, errors, watermarks, leases and idempotency records. */
    String tableName();

    Queues queues();

    /**
     * The custom object pairs a deployment starts with, {@code Invoice__c=2-1000002} each (the template's
     * {@code CustomObjects}); {@code PUT /settings/custom-objects} replaces them at run time.
     */
    java.util.Optional<java.util.List<String>> customObjects();

    interface Queues {
        /** One message per page of Salesforce records to import. */
        String importChunksUrl();

        /** One message per batch of pairings to sync. */
        String syncBatchesUrl();
    }
}
