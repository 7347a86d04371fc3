package io.crmsync.imports;

import static io.crmsync.imports.ImportTestSupport.api;
import static io.crmsync.imports.ImportTestSupport.contact;
import static io.crmsync.imports.ImportTestSupport.drainImportQueue;
import static io.crmsync.imports.ImportTestSupport.startClean;
import static io.crmsync.imports.ImportTestSupport.syncRecordsQueued;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.local.FunctionDispatcher;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.segments.InclusionSegmentSettings;
import io.crmsync.store.PairingRepository;
import io.crmsync.testing.HubSpotSandboxTestResource;
import io.crmsync.testing.SalesforceSandboxTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ImportContactsEndToEndTest {

    /** Two full import pages (crmsync.imports.page-size: 500 in tests) and the empty page that ends the import. */
    int contacts;
    /** Every 100th contact has no email. */
    int withoutEmail;
    static final Set<String> SYSTEM = Set.of("hs_object_id", "createdate", "lastmodifieddate");

    @Inject
    PairingRepository pairings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    FunctionDispatcher functions;
    @Inject
    ImportsConfig imports;

    SalesforceSandbox salesforce;
    HubSpotSandbox hubspot;
    List<String> contactIds;

    @BeforeEach
    void seed() {
        contacts = 2 * imports.pageSize();
        withoutEmail = contacts / 100;
        startClean();
        salesforce = SalesforceSandboxTestResource.sandbox();
        hubspot = HubSpotSandboxTestResource.sandbox();
    }

    private void seedContacts() {
        // every 100th contact has no email: 10 of 1,000
        contactIds = salesforce.seed("Contact", contacts, i -> contact(i, i % 100 == 7 ? null : "c" + i + "@example.com"));
    }

    @AfterEach
    void clearSegment() {
        segments.choose("contact", null);
    }

    @Test
    void contactsOutsideTheSegment_getOnlyTheirEmail_pairings_andACompletedJob() {
        // given an inclusion segment none of the contacts meets
        seedContacts();
        HubSpotList segment = hubspotClient.lists().create("VIP", "0-1", HubSpotList.ProcessingType.MANUAL, null);
        segments.choose("contact", segment.listId());

        // when
        String id = startImport("{\"object\":\"contacts\"}");
        var drain = drainImportQueue();

        // then
        assertThat(drain.failed()).isZero();
        assertThat(drain.handled()).isEqualTo(3); // 2 full pages + the empty one that ends it
        assertThat(hubspot.count("contacts")).isEqualTo(contacts - withoutEmail);
        String someHubSpotId = pairings.findBySalesforceIds("contact", List.of(contactIds.get(0))).get(contactIds.get(0))
                .hubspotId();
        Map<String, String> properties = hubspot.record("contacts", someHubSpotId).orElseThrow();
        assertThat(properties.keySet().stream().filter(p -> !SYSTEM.contains(p)).toList()).containsExactly("email");
        assertThat(properties.get("email")).isEqualTo("c0@example.com");
        var job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("total")).isEqualTo(contacts);
        assertThat(job.getInt("processed")).isEqualTo(contacts);
        assertThat(job.getInt("created")).isEqualTo(contacts - withoutEmail);
        assertThat(job.getInt("updated")).isZero();
        assertThat(job.getInt("skipped")).isEqualTo(withoutEmail);
        assertThat(job.getInt("failed")).isZero();
        assertThat(job.getInt("percent")).isEqualTo(100);
        assertThat(job.getMap("errors")).containsEntry("NO_EMAIL", withoutEmail);
        assertThat(pairings.findBySalesforceIds("contact", contactIds)).hasSize(contacts - withoutEmail);
        assertThat(syncRecordsQueued()).isZero();
    }

    @Test
    void withoutASegment_everyImportedContactIsQueuedForAFullSync_andARerunCreatesNothing() {
        // given
        seedContacts();

        // when
        String first = startImport("{\"object\":\"contacts\"}");
        drainImportQueue();

        // then
        assertThat(syncRecordsQueued()).isEqualTo(contacts - withoutEmail);
        assertThat(api("GET", "/imports/" + first, null, null).body().getString("status")).isEqualTo("COMPLETED");

        // when the same records are imported again
        String second = startImport("{\"object\":\"contacts\"}");
        drainImportQueue();

        // then nothing new exists, every record was an update
        var job = api("GET", "/imports/" + second, null, null).body();
        assertThat(job.getInt("created")).isZero();
        assertThat(job.getInt("updated")).isEqualTo(contacts - withoutEmail);
        assertThat(hubspot.count("contacts")).isEqualTo(contacts - withoutEmail);
        assertThat(pairings.findBySalesforceIds("contact", contactIds)).hasSize(contacts - withoutEmail);
    }

    @Test
    void membersOfTheSegment_areQueuedForSync_andSyncToInclusionSegmentAddsThemToIt() {
        // given a MANUAL list as the segment
        seedContacts();
        HubSpotList segment = hubspotClient.lists().create("Synced", "0-1", HubSpotList.ProcessingType.MANUAL, null);
        segments.choose("contact", segment.listId());

        // when
        startImport("{\"object\":\"contacts\",\"syncToInclusionSegment\":true}");
        drainImportQueue();

        // then
        assertThat(hubspotClient.lists().allMembers(segment.listId())).hasSize(contacts - withoutEmail);
        assertThat(syncRecordsQueued()).isEqualTo(contacts - withoutEmail);
    }

    @Test
    void aMessageDeliveredTwice_changesNothing() {
        // given a small import whose one page is delivered twice
        salesforce.clear("Contact");
        List<String> ids = salesforce.seed("Contact", 30, i -> contact(i, "dup" + i + "@example.com"));
        String id = startImport("{\"object\":\"contacts\"}");
        String firstPage = ImportTestSupport.receiveAll(ImportTestSupport.queue("ImportChunksQueue"), 0).get(0);

        // when
        functions.invoke("importChunk", firstPage);
        functions.invoke("importChunk", firstPage);
        var drain = drainImportQueue();

        // then
        assertThat(drain.handled()).isZero(); // the page was the last one: it completed the job, nothing followed
        var job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("processed")).isEqualTo(30);
        assertThat(job.getInt("created")).isEqualTo(30);
        assertThat(hubspot.count("contacts")).isEqualTo(30);
        assertThat(pairings.findBySalesforceIds("contact", ids)).hasSize(30);
        assertThat(syncRecordsQueued()).isEqualTo(30);
    }

    private static String startImport(String definition) {
        var answer = api("POST", "/imports", null, definition);
        assertThat(answer.status()).as(answer.raw()).isEqualTo(202);
        return answer.body().getString("importId");
    }
}
