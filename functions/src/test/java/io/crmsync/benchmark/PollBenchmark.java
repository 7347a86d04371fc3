package io.crmsync.benchmark;

import static io.crmsync.testing.LambdaEvents.invoke;
import static io.crmsync.testing.LambdaEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.CrmSide;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.sync.PollTestProfile;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.SyncBatchService;
import io.crmsync.testing.EmbeddedAwsTestResource;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A poll that finds 10,000 changed contacts (Salesforce leads edited by users): the API calls each side costs and the
 * time until both sides agree, with one worker draining the queue (Lambda would run several in parallel). Run with
 * {@code ./mvnw test -Dtest=PollBenchmark -Dgroups=benchmark -DexcludedGroups=}; excluded from the normal run.
 */
@Tag("benchmark")
@QuarkusTest
@TestProfile(PollTestProfile.class)
class PollBenchmark {

    private static final int CONTACTS = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    SyncBatchService worker;
    @Inject
    WatermarkRepository watermarks;
    @Inject
    MappingCatalog mappings;
    @Inject
    PairingRepository pairings;
    @Inject
    HubSpotClient hubspot;
    @Inject
    SalesforceClient salesforce;

    @Test
    void pollFinding10000ChangedContacts_convergesAndReportsItsCost() {
        // given: 10,000 leads paired with HubSpot contacts, and the echo of that pairing absorbed by one poll
        SalesforceSandbox sf = SalesforceSandboxTestResource.sandbox();
        sf.setDailyLimit(10_000_000);
        HubSpotSandboxTestResource.resetSandbox();
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                FieldMapping.of("lastname", "LastName"), FieldMapping.of("company", "Company")));
        Instant start = Instant.now().minusSeconds(1);
        for (String key : List.of("contact.Lead", "contact.Contact")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, start, null, start));
        }
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, start, null, start));
        String run = Long.toString(System.nanoTime(), 36);
        List<String> leads = sf.seed("Lead", CONTACTS, i -> Map.of("FirstName", "F" + i, "LastName", "L" + i,
                "Company", "Co", "Email", "bench-" + run + "-" + i + "@example.com"));
        Figures pairing = pollAndConverge();
        Figures echo = pollAndConverge();
        assertThat(pairings.findBySalesforceIds("contact", leads.subList(0, 100))).hasSize(100);

        // when: users edit every lead, and the next poll runs
        var def = sf.store().schema().object("Lead").orElseThrow();
        for (int i = 0; i < leads.size(); i++) {
            sf.store().update(def, leads.get(i), Map.of("FirstName", "Edited " + i));
        }
        Figures changed = pollAndConverge();

        // then
        var sample = pairings.findBySalesforceIds("contact", List.of(leads.get(4242))).get(leads.get(4242));
        assertThat(HubSpotSandboxTestResource.sandbox().record("contact", sample.hubspotId()).orElseThrow())
                .containsEntry("firstname", "Edited 4242");
        System.out.println("=== PollBenchmark (" + CONTACTS + " contacts, one worker) ===");
        System.out.println("setup: new leads paired     " + pairing);
        System.out.println("setup: echo poll afterwards " + echo);
        System.out.println("10,000 changed contacts     " + changed);
    }

    private Figures pollAndConverge() {
        Map<String, Long> sfBefore = salesforce.calls().snapshot();
        Map<String, Long> hsBefore = hubspot.calls().snapshot();
        long t0 = System.nanoTime();
        invoke(scheduled(Instant.now().toString())).then().statusCode(200);
        long polled = System.nanoTime();
        int messages = 0;
        for (SyncBatchMessage m = null; (m = next()) != null; messages++) {
            worker.process(m);
        }
        long done = System.nanoTime();
        return new Figures(Duration.ofNanos(polled - t0), Duration.ofNanos(done - t0), messages,
                delta(salesforce.calls().snapshot(), sfBefore), delta(hubspot.calls().snapshot(), hsBefore));
    }

    private static SyncBatchMessage next() {
        var aws = EmbeddedAwsTestResource.aws();
        String url = aws.queueUrl("SyncBatchesQueue");
        try (var sqs = aws.newSqsClient()) {
            var received = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(1).waitTimeSeconds(0)).messages();
            if (received.isEmpty()) {
                return null;
            }
            sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
            return JSON.readValue(received.get(0).body(), SyncBatchMessage.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new HashMap<>();
        after.forEach((k, v) -> {
            if (v - before.getOrDefault(k, 0L) != 0) {
                out.put(k, v - before.getOrDefault(k, 0L));
            }
        });
        return out;
    }

    record Figures(Duration poll, Duration converged, int messages, Map<String, Long> salesforceCalls,
            Map<String, Long> hubspotCalls) {

        @Override
        public String toString() {
            return String.format("poll %d ms, converged in %d ms, %d messages; Salesforce %d calls %s; HubSpot %d calls %s",
                    poll.toMillis(), converged.toMillis(), messages,
                    salesforceCalls.values().stream().mapToLong(Long::longValue).sum(), salesforceCalls,
                    hubspotCalls.values().stream().mapToLong(Long::longValue).sum(), hubspotCalls);
        }
    }
}
