package io.crmsync.sync;

import static io.crmsync.testing.LambdaEvents.deliverEach;
import static io.crmsync.testing.LambdaEvents.sqsBatch;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;

/** Shared moves of the sync tests: change a record on either side as a user would, run the sync worker. */
final class SyncFixtures {

    static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:crm-sync-sync-batches";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SyncFixtures() {
    }

    static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }

    /** A Salesforce user's edit: bumps LastModifiedDate and SystemModstamp like a real save. */
    static void editSalesforce(String sobject, String id, Map<String, Object> changes) {
        var store = salesforce().store();
        store.update(store.schema().object(sobject).orElseThrow(), id, changes);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static SyncBatchMessage.RecordRef hs(String hubspotId) {
        return new SyncBatchMessage.RecordRef(hubspotId, null);
    }

    static SyncBatchMessage.RecordRef sf(String salesforceId) {
        return new SyncBatchMessage.RecordRef(null, salesforceId);
    }

    /** Delivers one syncBatch message as Lambda's SQS event source does; returns the ids SQS would redeliver. */
    static List<String> runSync(String object, String reason, SyncBatchMessage.RecordRef... refs) {
        var message = new SyncBatchMessage(unique("batch"), object, reason, List.of(refs));
        try {
            var event = sqsBatch(QUEUE_ARN, List.of(JSON.writeValueAsString(message)));
            return deliverEach("syncBatch", event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
