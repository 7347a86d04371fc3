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

    /** Two full import pages (2,000 each) and the empty page that ends the import. */
    static final int CONTACTS = 4_000;
    static final int WITHOUT_EMAIL = 10;
    static final Set<String> SYSTEM = Set.of("hs_object_id", "createdate", "lastmodifieddate");

    @Inject
    PairingRepository pairings;
    @Inject
    InclusionSegmentSettings segments;
    @Inject
    HubSpotClient hubspotClient;
    @Inject
    FunctionDispatcher functions;

    SalesforceSandbox salesforce;
    HubSpotSandbox hubspot;
    List<String> contactIds;

    @BeforeEach
    void seed() {
        startClean();
        salesforce = SalesforceSandboxTestResource.sandbox();
        hubspot = HubSpotSandboxTestResource.sandbox();
    }

    private void seedContacts() {
        // every 400th contact has no email: 10 of 4,000
        contactIds = salesforce.seed("Contact", CONTACTS, i -> contact(i, i % 400 == 7 ? null : "c" + i + "@example.com"));
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
        assertThat(drain.handled()).isEqualTo(CONTACTS / 2000 + 1); // 2 full pages + the empty one that ends it
        assertThat(hubspot.count("contacts")).isEqualTo(CONTACTS - WITHOUT_EMAIL);
        String someHubSpotId = pairings.findBySalesforceIds("contact", List.of(contactIds.get(0))).get(contactIds.get(0))
                .hubspotId();
        Map<String, String> properties = hubspot.record("contacts", someHubSpotId).orElseThrow();
        assertThat(properties.keySet().stream().filter(p -> !SYSTEM.contains(p)).toList()).containsExactly("email");
        assertThat(properties.get("email")).isEqualTo("c0@example.com");
        var job = api("GET", "/imports/" + id, null, null).body();
        assertThat(job.getString("status")).isEqualTo("COMPLETED");
        assertThat(job.getInt("total")).isEqualTo(CONTACTS);
        assertThat(job.getInt("processed")).isEqualTo(CONTACTS);
        assertThat(job.getInt("created")).isEqualTo(CONTACTS - WITHOUT_EMAIL);
        assertThat(job.getInt("updated")).isZero();
        assertThat(job.getInt("skipped")).isEqualTo(WITHOUT_EMAIL);
        assertThat(job.getInt("failed")).isZero();
        assertThat(job.getInt("percent")).isEqualTo(100);
        assertThat(job.getMap("errors")).containsEntry("NO_EMAIL", WITHOUT_EMAIL);
        assertThat(pairings.findBySalesforceIds("contact", contactIds)).hasSize(CONTACTS - WITHOUT_EMAIL);
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
        assertThat(syncRecordsQueued()).isEqualTo(CONTACTS - WITHOUT_EMAIL);
        assertThat(api("GET", "/imports/" + first, null, null).body().getString("status")).isEqualTo("COMPLETED");

        // when the same records are imported again
        String second = startImport("{\"object\":\"contacts\"}");
        drainImportQueue();

        // then nothing new exists, every record was an update
        var job = api("GET", "/imports/" + second, null, null).body();
        assertThat(job.getInt("created")).isZero();
        assertThat(job.getInt("updated")).isEqualTo(CONTACTS - WITHOUT_EMAIL);
        assertThat(hubspot.count("contacts")).isEqualTo(CONTACTS - WITHOUT_EMAIL);
        assertThat(pairings.findBySalesforceIds("contact", contactIds)).hasSize(CONTACTS - WITHOUT_EMAIL);
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
        assertThat(hubspotClient.lists().allMembers(segment.listId())).hasSize(CONTACTS - WITHOUT_EMAIL);
        assertThat(syncRecordsQueued()).isEqualTo(CONTACTS - WITHOUT_EMAIL);
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
