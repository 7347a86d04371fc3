package io.crmsync.sync;

import static io.crmsync.sync.SyncFixtures.editSalesforce;
import static io.crmsync.sync.SyncFixtures.hs;
import static io.crmsync.sync.SyncFixtures.hubspot;
import static io.crmsync.sync.SyncFixtures.runSync;
import static io.crmsync.sync.SyncFixtures.salesforce;
import static io.crmsync.sync.SyncFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.MappingCatalog;
import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A sync batch sends what can go at once, at once: its HubSpot read beside its Salesforce retrieve, and the two
 * chunks of its 200-record HubSpot read and update. With real latency that is what lets a few workers use HubSpot's
 * rate limit; the calls it makes and what it writes stay the same. The messages of one SQS event run at once too.
 */
@QuarkusTest
class SyncBatchConcurrencyTest {

    @Inject
    MappingCatalog mappings;
    @Inject
    PairingRepository pairings;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    SalesforceClient salesforceClient;
    @Inject
    FunctionDispatcher dispatcher;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @AfterEach
    void noLatency() {
        hubspot().faults().clear();
        salesforce().faults().clear();
    }

    @Test
    void syncBatchOf120PairedRecords_readsHubSpotAndSalesforceAtOnce_andWritesBothHubSpotChunksAtOnce() {
        // given: 120 paired leads (two HubSpot chunks), edited in Salesforce; both CRMs answering in 300 ms
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                FieldMapping.of("lastname", "LastName"), FieldMapping.of("company", "Company")));
        List<String> leads = new ArrayList<>();
        String tag = unique("atonce");
        for (int i = 0; i < 120; i++) {
            leads.add(salesforce().insert("Lead", Map.of("FirstName", "F" + i, "LastName", "L" + i, "Company", "Co",
                    "Email", tag + "-" + i + "@example.com")));
        }
        assertThat(runSync("contact", "POLL", leads.stream().map(SyncFixtures::sf)
                .toArray(SyncBatchMessage.RecordRef[]::new))).isEmpty();
        Map<String, Pairing> paired = pairings.findBySalesforceIds("contact", leads);
        assertThat(paired).hasSize(120);
        for (int i = 0; i < leads.size(); i++) {
            editSalesforce("Lead", leads.get(i), new HashMap<>(Map.of("FirstName", "Edited " + i)));
        }
        hubspot().faults().latency(Duration.ofMillis(300));
        salesforce().faults().latency(Duration.ofMillis(300));
        hubspot().inFlight().resetPeak();
        long reads = hubspotClient.calls().count("objects.batch.read");
        long updates = hubspotClient.calls().count("objects.batch.update");
        long retrieves = salesforceClient.calls().count("collections.retrieve");

        // when: the poll's batch of the 120 changes runs, watched for calls to both CRMs in flight together
        AtomicBoolean bothInFlight = new AtomicBoolean();
        Thread watcher = watch(bothInFlight);
        List<String> redelivered;
        try {
            redelivered = runSync("contact", "POLL", leads.stream().map(id -> hs(paired.get(id).hubspotId()))
                    .toArray(SyncBatchMessage.RecordRef[]::new));
        } finally {
            watcher.interrupt();
        }

        // then: the reads of both sides overlapped, HubSpot's two chunks were served at once, with the same calls
        assertThat(redelivered).isEmpty();
        assertThat(bothInFlight).isTrue();
        assertThat(hubspot().inFlight().peak()).isEqualTo(2);
        assertThat(hubspotClient.calls().count("objects.batch.read") - reads).isEqualTo(2);
        assertThat(hubspotClient.calls().count("objects.batch.update") - updates).isEqualTo(2);
        assertThat(salesforceClient.calls().count("collections.retrieve") - retrieves).isEqualTo(1);
        for (int i : List.of(0, 99, 100, 119)) {
            assertThat(hubspot().record("contact", paired.get(leads.get(i)).hubspotId()).orElseThrow())
                    .containsEntry("firstname", "Edited " + i);
        }
    }

    @Test
    void newHubSpotContact_looksForItsSalesforcePersonAmongContactsAndLeadsAtOnce_andPairsWithTheLead() {
        // given: a new HubSpot contact whose email a Salesforce lead has; a Salesforce query page taking 300 ms
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName"),
                FieldMapping.of("company", "Company")));
        String email = unique("match") + "@example.com";
        String leadId = salesforce().insert("Lead", Map.of("LastName", "Known", "Company", "Co", "Email", email));
        String contactId = hubspot().seed("contacts", List.of(Map.of("email", email, "lastname", "Known"))).get(0);
        salesforce().faults().latency(io.crmsync.sandbox.salesforce.SalesforceSandbox.QUERY_LATENCY,
                Duration.ofMillis(300));
        salesforce().inFlight().resetPeak();

        // when
        assertThat(runSync("contact", "POLL", hs(contactId))).isEmpty();

        // then: the Contact and the Lead queries were served at once, and the contact paired with the lead
        assertThat(salesforce().inFlight().peak()).isGreaterThanOrEqualTo(2);
        assertThat(pairings.findByHubspotIds("contact", List.of(contactId)).get(contactId).salesforceId())
                .isEqualTo(leadId);
    }

    @Test
    void newLeadAndNewContact_inOneBatch_areRetrievedAtOnce_andEachGetsItsHubSpotContact() {
        // given: a new Lead and a new Contact in one batch; Salesforce answering in 300 ms
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("lastname", "LastName")));
        String leadId = salesforce().insert("Lead", Map.of("LastName", "Lead", "Company", "Co",
                "Email", unique("newlead") + "@example.com"));
        String contactId = salesforce().insert("Contact", Map.of("LastName", "Contact",
                "Email", unique("newcontact") + "@example.com"));
        salesforce().faults().latency(Duration.ofMillis(300));
        salesforce().inFlight().resetPeak();

        // when
        assertThat(runSync("contact", "POLL", SyncFixtures.sf(leadId), SyncFixtures.sf(contactId))).isEmpty();

        // then: both retrieves were served at once, and both records are paired with a HubSpot contact
        assertThat(salesforce().inFlight().peak()).isGreaterThanOrEqualTo(2);
        assertThat(pairings.findBySalesforceIds("contact", List.of(leadId, contactId))).hasSize(2);
    }

    @Test
    void oneSqsBatchOfFourMessages_runsThemAtOnce_andReportsOnlyTheBadOne() throws Exception {
        // given: four messages of two paired leads each, edited in Salesforce, and a fifth without records;
        // HubSpot answering in 300 ms
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                FieldMapping.of("lastname", "LastName"), FieldMapping.of("company", "Company")));
        List<String> leads = pairedLeads(8);
        Map<String, Pairing> paired = pairings.findBySalesforceIds("contact", leads);
        List<String> bodies = new ArrayList<>();
        for (int m = 0; m < 4; m++) {
            List<SyncBatchMessage.RecordRef> refs = new ArrayList<>();
            for (int i = 2 * m; i < 2 * m + 2; i++) {
                editSalesforce("Lead", leads.get(i), new HashMap<>(Map.of("FirstName", "Batched " + i)));
                refs.add(hs(paired.get(leads.get(i)).hubspotId()));
            }
            bodies.add(JSON.writeValueAsString(new SyncBatchMessage(unique("batch"), "contact", "POLL", refs)));
        }
        bodies.add(2, "{\"batchId\":\"no-records\",\"object\":\"contact\"}");
        hubspot().faults().latency(Duration.ofMillis(300));
        hubspot().inFlight().resetPeak();

        // when: the five arrive as one SQS event, handed over as Funqy hands them on Lambda
        List<FunctionDispatcher.Outcome> outcomes = dispatcher.invokeBatch("syncBatch", bodies);

        // then: only the bad one failed, saying why; the others' HubSpot calls overlapped (one message alone has one
        // HubSpot call in flight at a time: its read, then its update), and every edit reached HubSpot
        assertThat(outcomes).extracting(FunctionDispatcher.Outcome::succeeded)
                .containsExactly(true, true, false, true, true);
        assertThat(outcomes.get(2).cause()).hasMessageContaining("has no records");
        assertThat(hubspot().inFlight().peak()).isGreaterThanOrEqualTo(3);
        for (int i = 0; i < 8; i++) {
            assertThat(hubspot().record("contact", paired.get(leads.get(i)).hubspotId()).orElseThrow())
                    .containsEntry("firstname", "Batched " + i);
        }
    }

    @Test
    void twoMessagesOfOneSqsBatch_withTheSameRecord_bothSucceed_andLeaveOneConsistentPairing() throws Exception {
        // given: a paired lead edited in Salesforce, queued twice (a poll and a change event), in one SQS event
        mappings.replace("contact", List.of(FieldMapping.of("email", "Email"), FieldMapping.of("firstname", "FirstName"),
                FieldMapping.of("lastname", "LastName"), FieldMapping.of("company", "Company")));
        String lead = pairedLeads(1).get(0);
        Pairing pairing = pairings.findBySalesforceIds("contact", List.of(lead)).get(lead);
        editSalesforce("Lead", lead, new HashMap<>(Map.of("FirstName", "Twice")));
        String body = JSON.writeValueAsString(new SyncBatchMessage(unique("batch"), "contact", "POLL",
                List.of(hs(pairing.hubspotId()))));
        hubspot().faults().latency(Duration.ofMillis(100));

        // when: both run at once in one invocation
        List<FunctionDispatcher.Outcome> outcomes = dispatcher.invokeBatch("syncBatch", List.of(body, body));

        // then: neither is redelivered, HubSpot has the edit, and the pairing agrees with both sides
        assertThat(outcomes).allMatch(FunctionDispatcher.Outcome::succeeded);
        assertThat(hubspot().record("contact", pairing.hubspotId()).orElseThrow()).containsEntry("firstname", "Twice");
        Pairing after = pairings.findByHubspotId("contact", pairing.hubspotId()).orElseThrow();
        assertThat(after.hubspotValues()).containsEntry("firstname", "Twice");
        assertThat(after.salesforceValues()).containsEntry("FirstName", "Twice");
    }

    /** {@code n} new leads, paired with HubSpot contacts by one sync. */
    private List<String> pairedLeads(int n) {
        String tag = unique("lanes");
        List<String> leads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leads.add(salesforce().insert("Lead", Map.of("FirstName", "F" + i, "LastName", "L" + i, "Company", "Co",
                    "Email", tag + "-" + i + "@example.com")));
        }
        assertThat(runSync("contact", "POLL", leads.stream().map(SyncFixtures::sf)
                .toArray(SyncBatchMessage.RecordRef[]::new))).isEmpty();
        assertThat(pairings.findBySalesforceIds("contact", leads)).hasSize(n);
        return leads;
    }

    /** Samples both sandboxes' calls in flight until interrupted; sets the flag when both had one at once. */
    private static Thread watch(AtomicBoolean bothInFlight) {
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                if (hubspot().inFlight().current() > 0 && salesforce().inFlight().current() > 0) {
                    bothInFlight.set(true);
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "in-flight-watcher");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
