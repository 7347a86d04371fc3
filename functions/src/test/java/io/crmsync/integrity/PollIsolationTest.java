package io.crmsync.integrity;

import static io.crmsync.testing.LambdaEvents.invoke;
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
import io.crmsync.store.CrmSide;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.Watermark;
import io.crmsync.store.WatermarkRepository;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.crmsync.testing.SyncQueue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** One object's poll failing must not keep the objects after it from being polled, and the failure must show. */
@QuarkusTest
@TestProfile(SmallPollBudgetProfile.class)
class PollIsolationTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    WatermarkRepository watermarks;
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
        Instant now = Instant.now();
        for (String key : List.of("contact.Lead", "contact.Contact", "company.Account")) {
            watermarks.reset(new Watermark(key, CrmSide.SALESFORCE, now, null, now));
        }
        watermarks.reset(new Watermark("contact", CrmSide.HUBSPOT, now, null, now));
        watermarks.reset(new Watermark("company", CrmSide.HUBSPOT, now, null, now));
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
        String answer = invoke(scheduled(Instant.now().toString())).then().extract().asString();
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
