package io.crmsync.sync;

import static io.crmsync.sync.SyncFixtures.hubspot;
import static io.crmsync.sync.SyncFixtures.salesforce;
import static io.crmsync.sync.SyncFixtures.unique;
import static io.crmsync.testing.LambdaEvents.invoke;
import static io.crmsync.testing.LambdaEvents.scheduled;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.CrmSide;
import io.crmsync.store.LeaseRepository;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.sync.poll.ErrorRetries;
import io.crmsync.testing.SyncQueue;
import jakarta.inject.Inject;

/** What the poll tests share: the injected services, a quiet start (watermarks at now, empty queue) and record builders. */
abstract class PollTestSupport {

    @Inject
    SyncBatchService worker;
    @Inject
    WatermarkRepository watermarks;
    @Inject
    LeaseRepository leases;
    @Inject
    PairingRepository pairings;
    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    SalesforceClient salesforceClient;
    @Inject
    SyncErrorRepository errors;
    @Inject
    ErrorRetries retries;

    @BeforeEach
    void quietStart() {
        segments.choose("contact", null);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                FieldMapping.of("lastname", "LastName"), FieldMapping.of("company", "Company")));
        Instant now = Instant.now();
        for (String key : List.of("contact.Lead", "contact.Contact")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, now, null, now));
        }
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, now, null, now));
        SyncQueue.drain();
    }

    @AfterEach
    void realClocks() {
        salesforce().clock(Clock.systemUTC());
        hubspot().clock(Clock.systemUTC());
        hubspot().listEvaluation(Runnable::run);
    }

    void syncAll(String pollOutput) {
        SyncQueue.drain().forEach(worker::process);
    }

    static String poll() {
        return invoke(scheduled(Instant.now().toString())).then().statusCode(200).extract().asString();
    }

    static List<String> refsOf(List<SyncBatchMessage> messages) {
        List<String> ids = new ArrayList<>();
        messages.forEach(m -> m.records().forEach(r -> ids.add(r.salesforceId() != null ? r.salesforceId() : r.hubspotId())));
        return ids;
    }

    static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }

    static Map<String, Object> lead(String name) {
        return Map.of("LastName", name, "Company", "Co", "Email", unique(name) + "@example.com");
    }

    static Map<String, String> contact(String name, String stage, String modifiedAt) {
        return Map.of("email", unique(name) + "@example.com", "lastname", name, "company", "Co",
                "lifecyclestage", stage, "lastmodifieddate", modifiedAt, "createdate", modifiedAt);
    }

    static com.fasterxml.jackson.databind.JsonNode customers() throws Exception {
        return new ObjectMapper().readTree("""
                {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                  {"filterType":"PROPERTY","property":"lifecyclestage",
                   "operation":{"operationType":"MULTISTRING","operator":"IS_EQUAL_TO","values":["customer"]}}]}]}
                """);
    }

}
