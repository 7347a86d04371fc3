package io.crmsync.integrity;

import static io.crmsync.testing.LambdaEvents.call;
import static io.crmsync.testing.LambdaEvents.scheduled;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.salesforce.SalesforceFault;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.PairingRepository;
import io.crmsync.testing.PollWatermarks;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.crmsync.testing.SyncQueue;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** One object's poll failing must not keep the objects after it from being polled, and the failure must show. */
@QuarkusTest
class PollIsolationTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    PairingRepository pairings;
    @Inject
    FunctionDispatcher functions;

    private SettingsSnapshot settings;

    @BeforeEach
    void quietStart() {
        settings = SettingsSnapshot.take(mappings, segments, "contact", "company");
        segments.choose("contact", null);
        segments.choose("company", null);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName"),
                FieldMapping.of("company", "Company")));
        PollWatermarks.allAt(Instant.now());
        SyncQueue.drain();
    }

    @AfterEach
    void restore() {
        salesforce().faults().clear();
        settings.restore();
        SyncQueue.drain();
    }

    @Test
    void companiesPollFails_contactsAreStillPolledAndSynced_andTheFailureIsReported() throws Exception {
        // given: a new lead
        String lead = salesforce().insert("Lead", Map.of("LastName", "Isolated", "Company", "Co",
                "Email", "isolated-" + UUID.randomUUID() + "@example.com"));

        // when: the companies' poll fails (Salesforce refuses its first call), then the contacts' poll runs
        salesforce().faults().failNext(1, SalesforceFault.permission());
        String answer = call("poll", scheduled(Instant.now().toString())).prettify();
        for (var message : SyncQueue.drain()) {
            functions.invoke("syncBatch", JSON.writeValueAsString(message));
        }

        // then: the lead synced, and the poll's answer names the companies' failure
        assertThat(pairings.findBySalesforceIds("contact", List.of(lead))).containsKey(lead);
        assertThat(answer).contains("company").contains("INSUFFICIENT_ACCESS");
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }
}
