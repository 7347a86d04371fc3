package io.crmsync.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncError;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.poll.ErrorRetries;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An error recorded before a record had a partner (its create failed) names only one side. Once the record pairs and
 * syncs, that error must leave Sync Health, and the poll must stop retrying it.
 */
@QuarkusTest
class PrePairingErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    MappingCatalog mappings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    PairingRepository pairings;
    @Inject
    SyncErrorRepository errors;
    @Inject
    ErrorRetries retries;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    FunctionDispatcher functions;

    private SettingsSnapshot settings;

    @BeforeEach
    void contactMappings() {
        settings = SettingsSnapshot.take(mappings, segments, "contact");
        segments.choose("contact", null);
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName"),
                FieldMapping.of("company", "Company")));
    }

    @AfterEach
    void restore() {
        settings.restore();
    }

    @Test
    void createFailsThenTheRecordIsFixedAndPairs_itsEarlierErrorIsResolved_andNoLongerRetried() {
        // given: a HubSpot contact without the last name Salesforce requires: its lead cannot be created
        String contact = hubspot().seed("contact", List.of(Map.of("email", "nolast-" + UUID.randomUUID()
                + "@example.com", "company", "Co"))).get(0);
        sync(contact);
        SyncError before = openErrorsOf(contact).get(0);
        assertThat(before.salesforceId()).isNull();

        // when: the user fills in the last name, and the next sync creates the lead
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(contact, Map.of("lastname", "Fixed"))));
        sync(contact);

        // then: paired; the error is resolved in Sync Health and not retried any more
        assertThat(pairings.findByHubspotId("contact", contact)).isPresent();
        assertThat(openErrorsOf(contact)).isEmpty();
        assertThat(retries.due("contact", Instant.now().plus(Duration.ofDays(2))))
                .extracting(SyncBatchMessage.RecordRef::hubspotId).doesNotContain(contact);
    }

    private List<SyncError> openErrorsOf(String contact) {
        return java.util.Arrays.stream(io.crmsync.sync.worker.ErrorCategory.values())
                .flatMap(c -> errors.find("contact", contact, null, c.name()).stream())
                .filter(e -> !e.resolved()).toList();
    }

    private void sync(String contact) {
        var message = new SyncBatchMessage("prepair-" + UUID.randomUUID(), "contact", "POLL",
                List.of(new SyncBatchMessage.RecordRef(contact, null)));
        try {
            functions.invoke("syncBatch", JSON.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
