package io.crmsync.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.PairingRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.crmsync.testing.SettingsSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A pairing stores each mapped field's last synced value on both sides; long text is stored as a digest (the store
 * test {@code PairingRepositoryTest} shows 2 x 250 KB saving, which failed before). Through the functions: a case
 * description of 30,000 characters (40 KB of UTF-8) syncs on every edit, and the digest still tells "unchanged" from
 * "changed", so a sync after the last one writes nothing (no endless re-sync).
 */
@QuarkusTest
class OversizedPairingTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int LONG = 30_000;

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
    void ticketMappings() {
        settings = SettingsSnapshot.take(mappings, segments, "ticket");
        mappings.replace("ticket", List.of(FieldMapping.of("subject", "Subject"),
                FieldMapping.of("content", "Description"),
                new FieldMapping("hs_pipeline_stage", "Status", SyncRule.TWO_WAY)));
    }

    @AfterEach
    void restore() {
        settings.restore();
    }

    @Test
    void caseWithA30000CharacterDescription_editedEightTimes_syncsEveryTime_andBothSidesAgree() {
        // given: a case with a long description, synced to its ticket
        String caseId = salesforce().insert("Case", Map.of("Subject", "Long " + UUID.randomUUID(), "Status", "New",
                "Description", text('a')));
        sync(new SyncBatchMessage.RecordRef(null, caseId));
        String ticket = pairings.findBySalesforceId("ticket", caseId).orElseThrow().hubspotId();

        // when: the description is rewritten eight times, each synced
        for (char c = 'b'; c <= 'i'; c++) {
            var store = salesforce().store();
            store.update(store.schema().object("Case").orElseThrow(), caseId, Map.of("Description", text(c)));
            sync(new SyncBatchMessage.RecordRef(ticket, null));
        }

        // then: every sync completed (none threw), the ticket has the last text, and a further sync writes nothing
        assertThat(hubspot().record("tickets", ticket).orElseThrow().get("content")).isEqualTo(text('i'));
        var before = pairings.findByHubspotId("ticket", ticket).orElseThrow();
        sync(new SyncBatchMessage.RecordRef(ticket, null));
        assertThat(pairings.findByHubspotId("ticket", ticket).orElseThrow().version()).isEqualTo(before.version());
    }

    private static String text(char c) {
        return (c + "\u20ac").repeat(LONG / 2);
    }

    private void sync(SyncBatchMessage.RecordRef ref) {
        var message = new SyncBatchMessage("long-" + UUID.randomUUID(), "ticket", "POLL", List.of(ref));
        try {
            functions.invoke("syncBatch", JSON.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SalesforceSandbox salesforce() {
        return SalesforceSandboxTestResource.sandbox();
    }

    private static HubSpotSandbox hubspot() {
        return HubSpotSandboxTestResource.sandbox();
    }
}
