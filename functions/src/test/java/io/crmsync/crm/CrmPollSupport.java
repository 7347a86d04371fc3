package io.crmsync.crm;

import static io.crmsync.testing.LambdaEvents.call;
import static io.crmsync.testing.LambdaEvents.scheduled;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.picklists.ValueMapCatalog;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.SyncBatchService;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.PollWatermarks;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.crmsync.testing.SyncQueue;
import jakarta.inject.Inject;

/**
 * What the whole-CRM sync tests share: a quiet start (every object's watermarks at now, an empty sync queue, default
 * settings), the poll function invoked with the event EventBridge sends, and the queue drained into the sync worker as
 * Lambda's SQS event source would deliver it.
 */
abstract class CrmPollSupport {

    static final List<String> OBJECTS = List.of("contact", "company", "deal", "ticket");
    @Inject
    SyncBatchService worker;
    @Inject
    WatermarkRepository watermarks;
    @Inject
    PairingRepository pairings;
    @Inject
    MappingCatalog mappings;
    @Inject
    ValueMapCatalog valueMaps;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    SyncErrorRepository errors;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    SalesforceClient salesforceClient;

    private SettingsSnapshot settings;

    @BeforeEach
    void quietStart() {
        settings = SettingsSnapshot.take(mappings, segments, OBJECTS.toArray(String[]::new));
        OBJECTS.forEach(o -> segments.choose(o, null));
        PollWatermarks.allAt(Instant.now());
        drain();
    }

    @AfterEach
    void restore() {
        settings.restore();
        salesforce().clock(Clock.systemUTC());
        hubspot().clock(Clock.systemUTC());
    }

    /** One scheduled poll, then every message it queued through the sync worker. */
    void pollAndSync() {
        call("poll", scheduled(Instant.now().toString()));
        drain().forEach(worker::process);
    }

    static List<SyncBatchMessage> drain() {
        return SyncQueue.drain();
    }

    static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }

    static void editSalesforce(String sobject, String id, Map<String, Object> changes) {
        var store = salesforce().store();
        store.update(store.schema().object(sobject).orElseThrow(), id, changes);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
