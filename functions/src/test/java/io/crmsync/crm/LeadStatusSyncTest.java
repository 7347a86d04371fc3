package io.crmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.ObjectInput;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.picklists.InvalidValueMapException;
import io.crmsync.picklists.ValueMap;
import io.crmsync.picklists.ValuePair;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.SyncError;
import io.crmsync.sync.SyncBatchMessage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Lead status through the functions (poll -> queue -> worker -> both sandboxes): HubSpot's {@code hs_lead_status}
 * is the Lead's {@code Status} by default, both ways, translated through the contact value map; a value the map
 * lacks is a Sync Health error saying how to map it.
 */
@QuarkusTest
class LeadStatusSyncTest extends CrmPollSupport {

    private List<ValueMap> contactMaps;

    @BeforeEach
    void shippedContactValueMaps() {
        contactMaps = valueMaps.maps("contact");
    }

    @AfterEach
    void restoreValueMaps() {
        valueMaps.replace("contact", contactMaps);
    }

    @Test
    void leadStatus_isMappedByDefault_twoWay_withEveryDefaultSalesforceStatusMapped() {
        assertThat(mappings.mappings("contact"))
                .contains(new FieldMapping("hs_lead_status", "Status", SyncRule.TWO_WAY));
        ValueMap map = valueMaps.find("contact", "hs_lead_status").orElseThrow();
        for (String status : List.of("Open - Not Contacted", "Working - Contacted", "Closed - Converted",
                "Closed - Not Converted")) {
            assertThat(map.toHubSpot(status)).as(status).isPresent();
        }
    }

    @Test
    void leadStatusChangedInSalesforce_movesHubSpotLeadStatus_andOneSetInHubSpotReachesTheLead() {
        // given: a new lead, not contacted yet
        String lead = salesforce().insert("Lead", Map.of("LastName", "Lovelace", "Company", unique("Analytical"),
                "Email", unique("ada") + "@example.com", "Status", "Open - Not Contacted"));
        pollAndSync();
        String contactId = pairings.findBySalesforceId("contact", lead).orElseThrow().hubspotId();
        assertThat(hubspot().record("contacts", contactId).orElseThrow()).containsEntry("hs_lead_status", "NEW");

        // when: a rep starts working it in Salesforce
        editSalesforce("Lead", lead, Map.of("Status", "Working - Contacted"));
        pollAndSync();

        // then
        assertThat(hubspot().record("contacts", contactId).orElseThrow())
                .containsEntry("hs_lead_status", "IN_PROGRESS");

        // when: disqualified in HubSpot
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(contactId,
                Map.of("hs_lead_status", "UNQUALIFIED"))));
        pollAndSync();

        // then
        assertThat(salesforce().record("Lead", lead)).containsEntry("Status", "Closed - Not Converted");
        assertThat(openErrors(contactId)).isEmpty();
    }

    @Test
    void hubspotContactWithALeadStatus_createsALeadWithTheMappedStatus() {
        // given: a contact created in HubSpot, already being worked
        String email = unique("hedy") + "@example.com";
        String contactId = hubspotClient.batchCreate("contact", List.of(new ObjectInput(Map.of("email", email,
                "lastname", "Lamarr", "company", unique("Frequency"), "hs_lead_status", "IN_PROGRESS"), null)))
                .results().get(0).id();

        // when
        pollAndSync();

        // then
        String lead = pairings.findByHubspotId("contact", contactId).orElseThrow().salesforceId();
        assertThat(salesforce().record("Lead", lead)).containsEntry("Status", "Working - Contacted")
                .containsEntry("Email", email);
    }

    @Test
    void hubspotLeadStatusWithNoMapping_isASyncHealthErrorNamingIt_andSyncsOnceMapped() {
        // given: a synced lead
        String lead = salesforce().insert("Lead", Map.of("LastName", "Hamilton", "Company", unique("Apollo"),
                "Email", unique("margaret") + "@example.com", "Status", "Working - Contacted"));
        pollAndSync();
        String contactId = pairings.findBySalesforceId("contact", lead).orElseThrow().hubspotId();

        // when: HubSpot sets an option the shipped map leaves out
        hubspotClient.batchUpdate("contact", List.of(new ObjectUpdate(contactId,
                Map.of("hs_lead_status", "BAD_TIMING", "jobtitle", "Director"))));
        pollAndSync();

        // then: the lead keeps its status, the rest syncs, and Sync Health says what to map and how
        assertThat(salesforce().record("Lead", lead)).containsEntry("Status", "Working - Contacted")
                .containsEntry("Title", "Director");
        assertThat(openErrors(contactId)).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("PROPERTY_VALUE");
            assertThat(e.message()).contains("'BAD_TIMING'", "PUT /settings/value-maps/contact");
        });

        // when: the user maps it (in place of UNQUALIFIED) and retries the error
        List<ValuePair> values = valueMaps.find("contact", "hs_lead_status").orElseThrow().values().stream()
                .map(v -> v.hubspot().equals("UNQUALIFIED") ? new ValuePair(v.salesforce(), "BAD_TIMING") : v)
                .toList();
        valueMaps.replace("contact", List.of(new ValueMap("hs_lead_status", "Status", values)));
        worker.process(new SyncBatchMessage(unique("retry"), "contact", "RETRY",
                List.of(new SyncBatchMessage.RecordRef(contactId, null))));

        // then
        assertThat(salesforce().record("Lead", lead)).containsEntry("Status", "Closed - Not Converted");
        assertThat(openErrors(contactId)).isEmpty();
    }

    @Test
    void leadStatusValueMap_refusesAValueSalesforceDoesNotHave() {
        assertThatThrownBy(() -> valueMaps.replace("contact", List.of(new ValueMap("hs_lead_status", "Status",
                List.of(new ValuePair("Nurturing", "OPEN"))))))
                .isInstanceOf(InvalidValueMapException.class)
                .hasMessageContaining("'Nurturing' is not a value of Salesforce picklist Status");
    }

    private List<SyncError> openErrors(String hubspotId) {
        return errors.listOpen("contact", Optional.empty(), Optional.empty(), 100).items().stream()
                .filter(e -> hubspotId.equals(e.hubspotId())).toList();
    }
}
