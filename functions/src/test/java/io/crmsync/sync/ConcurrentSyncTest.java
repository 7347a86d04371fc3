package io.crmsync.sync;

import static io.crmsync.sync.SyncFixtures.hs;
import static io.crmsync.sync.SyncFixtures.hubspot;
import static io.crmsync.sync.SyncFixtures.runSync;
import static io.crmsync.sync.SyncFixtures.salesforce;
import static io.crmsync.sync.SyncFixtures.sf;
import static io.crmsync.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.FieldChange;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.crmsync.store.SyncDirection;
import io.crmsync.sync.worker.PairingChangedException;
import io.crmsync.sync.worker.PairingSaver;
import io.crmsync.sync.worker.RecordPlan;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** Two workers on one pairing: optimistic locking refuses a stale plan, which is planned again; no update is lost. */
@QuarkusTest
class ConcurrentSyncTest {

    @Inject
    PairingSaver saver;
    @Inject
    PairingRepository pairings;
    @Inject
    MappingCatalog mappings;
    @Inject
    HubSpotClient hubspotClient;

    @Test
    void twoSavesFromTheSameRead_theSecondIsRefused_keepsItsHistory_andAsksForANewPlan() {
        // given: two workers read the pairing at the same version
        Pairing read = pairings.create(Pairing.of("contact", unique("9"), unique("00Q"), io.crmsync.store.SalesforceType.LEAD));
        Instant now = Instant.now();
        RecordPlan first = plan(read, "firstname", "Ada", now);
        RecordPlan second = plan(read, "lastname", "Lovelace", now);

        // when
        saver.save(first, now);

        // then: the second plan's values were made from a version that is gone: not stored, but its history is
        assertThatThrownBy(() -> saver.save(second, now)).isInstanceOf(PairingChangedException.class);
        Pairing saved = pairings.findByHubspotId("contact", read.hubspotId()).orElseThrow();
        assertThat(saved.hubspotValues()).containsEntry("firstname", "Ada").doesNotContainKey("lastname");
        assertThat(saved.history()).extracting(FieldChange::field).containsExactly("firstname", "lastname");
    }

    @Test
    void twoWorkersSyncingTheSameRecordAtOnce_leaveOneConsistentPairing() {
        // given
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"),
                new FieldMapping("firstname", "FirstName", SyncRule.TWO_WAY), FieldMapping.of("lastname", "LastName"),
                FieldMapping.of("company", "Company")));
        String leadId = salesforce().insert("Lead", Map.of("LastName", "Knuth", "Company", "Stanford",
                "Email", unique("don") + "@example.com"));
        runSync("contact", "POLL", sf(leadId));
        Pairing p = pairings.findBySalesforceIds("contact", List.of(leadId)).get(leadId);
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(p.hubspotId(), Map.of("firstname", "Donald"))));

        // when: SQS delivers the same record to two workers at once
        var a = CompletableFuture.supplyAsync(() -> runSync("contact", "POLL", hs(p.hubspotId())));
        var b = CompletableFuture.supplyAsync(() -> runSync("contact", "POLL", hs(p.hubspotId())));

        // then: neither failed, Salesforce has the value, and the pairing agrees with both sides
        assertThat(a.join()).isEmpty();
        assertThat(b.join()).isEmpty();
        assertThat(salesforce().record("Lead", leadId)).containsEntry("FirstName", "Donald");
        Pairing after = pairings.findByHubspotId("contact", p.hubspotId()).orElseThrow();
        assertThat(after.hubspotValues()).containsEntry("firstname", "Donald");
        assertThat(after.salesforceValues()).containsEntry("FirstName", "Donald");
        assertThat(hubspot().record("contact", p.hubspotId()).orElseThrow()).containsEntry("firstname", "Donald");
    }

    private static RecordPlan plan(Pairing base, String field, String value, Instant now) {
        return new RecordPlan(base, "Lead", true, Map.of(field, value), Map.of(), Map.of(field, value), Map.of(),
                List.of(new FieldChange(now, field, null, value, SyncDirection.SALESFORCE_TO_HUBSPOT, null)));
    }
}
