package io.crmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.SyncRule;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Inclusion segments for companies and tickets, as HubSpot's connector offers them (contacts have their own tests):
 * a record in the object's active segment keeps syncing; one outside it was created by the sync but its later changes
 * stay where they were made (Salesforce's for the company, HubSpot's for the ticket) until it meets the segment's
 * criteria. Through the poll -> queue -> worker path against both sandboxes.
 */
@QuarkusTest
class InclusionSegmentsSyncTest extends CrmPollSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void mappingsBothWays() {
        mappings.replace("company", List.of(new FieldMapping("name", "Name", SyncRule.TWO_WAY),
                new FieldMapping("city", "BillingCity", SyncRule.TWO_WAY)));
        mappings.replace("ticket", List.of(new FieldMapping("subject", "Subject", SyncRule.TWO_WAY),
                new FieldMapping("content", "Description", SyncRule.TWO_WAY)));
    }

    @Test
    void companySegment_onlyItsMembersGetTheirAccountsChanges() throws Exception {
        // given: two accounts synced to HubSpot a while ago, and an active list of aerospace companies as segment
        hubspot().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
        String inside = salesforce().insert("Account", Map.of("Name", unique("Langley")));
        String outside = salesforce().insert("Account", Map.of("Name", unique("Acme")));
        pollAndSync();
        String insideId = pairings.findBySalesforceId("company", inside).orElseThrow().hubspotId();
        String outsideId = pairings.findBySalesforceId("company", outside).orElseThrow().hubspotId();
        hubspotClient.batchUpdate("companies", List.of(new ObjectUpdate(insideId, Map.of("industry", "Aerospace"))));
        hubspot().clock(Clock.systemUTC());
        segments.choose("company", segment("0-2", "industry", "Aerospace").listId());

        // when: both change in Salesforce
        editSalesforce("Account", inside, Map.of("BillingCity", "Hampton"));
        editSalesforce("Account", outside, Map.of("BillingCity", "Springfield"));
        pollAndSync();

        // then: the member's change crossed, the other's did not
        assertThat(hubspot().record("companies", insideId).orElseThrow()).containsEntry("city", "Hampton");
        assertThat(hubspot().record("companies", outsideId).orElseThrow()).doesNotContainKey("city");
    }

    @Test
    void ticketSegment_onlyItsMembersSendTheirChangesToTheirCases() throws Exception {
        // given: two cases synced to HubSpot a while ago; the segment holds tickets whose description says VIP
        hubspot().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
        String inside = salesforce().insert("Case", Map.of("Subject", unique("Engine"), "Description", "VIP customer"));
        String outside = salesforce().insert("Case", Map.of("Subject", unique("Door"), "Description", "walk-in"));
        pollAndSync();
        hubspot().clock(Clock.systemUTC());
        String insideId = pairings.findBySalesforceId("ticket", inside).orElseThrow().hubspotId();
        String outsideId = pairings.findBySalesforceId("ticket", outside).orElseThrow().hubspotId();
        segments.choose("ticket", segment("0-5", "content", "VIP").listId());

        // when: both are renamed in HubSpot, two minutes ago (settled: HubSpot has re-evaluated the list since)
        hubspot().clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2)));
        hubspotClient.batchUpdate("tickets", List.of(new ObjectUpdate(insideId, Map.of("subject", "Engine on fire")),
                new ObjectUpdate(outsideId, Map.of("subject", "Door stuck"))));
        hubspot().clock(Clock.systemUTC());
        pollAndSync();

        // then: the member's subject reached its case, the other's did not
        assertThat(salesforce().record("Case", inside)).containsEntry("Subject", "Engine on fire");
        assertThat(salesforce().record("Case", outside).get("Subject")).isNotEqualTo("Door stuck");
    }

    /** An active list of the type's records whose {@code property} contains {@code value}. */
    private HubSpotList segment(String objectTypeId, String property, String value) throws Exception {
        return hubspotClient.lists().create(unique("Segment"), objectTypeId, HubSpotList.ProcessingType.DYNAMIC,
                JSON.readTree("""
                        {"filterBranchType":"OR","filterBranches":[{"filterBranchType":"AND","filters":[
                          {"filterType":"PROPERTY","property":"%s",
                           "operation":{"operationType":"MULTISTRING","operator":"CONTAINS","values":["%s"]}}]}]}
                        """.formatted(property, value)));
    }
}
