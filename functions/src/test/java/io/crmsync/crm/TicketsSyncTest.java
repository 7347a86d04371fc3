package io.crmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.SyncRule;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tickets <-> cases through the functions: status and priority cross through the ticket value maps, both ways, and
 * a ticket gets its case's company association.
 */
@QuarkusTest
class TicketsSyncTest extends CrmPollSupport {

    @BeforeEach
    void ticketMappings() {
        mappings.replace("company", List.of(FieldMapping.of("name", "Name")));
        mappings.replace("ticket", List.of(FieldMapping.of("subject", "Subject"),
                new FieldMapping("hs_pipeline_stage", "Status", SyncRule.TWO_WAY),
                new FieldMapping("hs_ticket_priority", "Priority", SyncRule.TWO_WAY)));
    }

    @Test
    void caseStatusAndPriority_becomeTicketStatusAndPriority_andAStatusSetInHubSpotReachesTheCase() {
        // given: an account and its new case, escalated and high
        String account = salesforce().insert("Account", Map.of("Name", unique("Wayne")));
        pollAndSync();
        String caseId = salesforce().insert("Case", Map.of("Subject", unique("Broken"), "Status", "Escalated",
                "Priority", "High", "AccountId", account));

        // when
        pollAndSync();

        // then
        String ticketId = pairings.findBySalesforceId("ticket", caseId).orElseThrow().hubspotId();
        assertThat(hubspot().record("tickets", ticketId).orElseThrow()).containsEntry("hs_pipeline_stage", "3")
                .containsEntry("hs_ticket_priority", "HIGH").containsEntry("hs_pipeline", "0");
        String companyId = pairings.findBySalesforceId("company", account).orElseThrow().hubspotId();
        assertThat(hubspotClient.associations().read("ticket", "company", List.of(ticketId)).get(ticketId))
                .extracting(a -> a.toId()).containsExactly(companyId);

        // when: closed in HubSpot
        hubspotClient.batchUpdate("ticket", List.of(new ObjectUpdate(ticketId, Map.of("hs_pipeline_stage", "4"))));
        pollAndSync();

        // then
        assertThat(salesforce().record("Case", caseId)).containsEntry("Status", "Closed");
    }
}
