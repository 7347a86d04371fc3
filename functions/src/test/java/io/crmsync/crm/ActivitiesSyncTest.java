package io.crmsync.crm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.Association;
import io.crmsync.hubspot.model.AssociationPair;
import io.crmsync.hubspot.model.ObjectInput;
import io.crmsync.hubspot.model.ObjectUpdate;
import io.crmsync.owners.OwnerDirectory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Activities through the functions (poll -> queue -> worker -> both sandboxes): Salesforce Tasks are HubSpot tasks
 * and Events are meetings, both ways, with their default mappings (subject, body, status, priority, due date,
 * start/end, owner) and their records: {@code WhoId} is the contact association, {@code WhatId} the deal, ticket or
 * company one.
 */
@QuarkusTest
class ActivitiesSyncTest extends CrmPollSupport {

    @Inject
    OwnerDirectory directory;

    private String account;
    private String contact;
    private String opportunity;
    private String otherOpportunity;
    private String userId;
    private String ownerId;

    @BeforeEach
    void syncedRecords() {
        String email = unique("katherine") + "@nasa.example.com";
        userId = salesforce().insert("User", Map.of("FirstName", "Katherine", "LastName", "Johnson", "Email", email,
                "IsActive", true));
        ownerId = hubspot().addOwner(email, "Katherine", "Johnson");
        directory.forget();
        account = salesforce().insert("Account", Map.of("Name", unique("Langley")));
        contact = salesforce().insert("Contact", Map.of("LastName", "Goble", "Email", unique("kg") + "@example.com",
                "AccountId", account));
        opportunity = salesforce().insert("Opportunity", opportunity("Friendship 7"));
        otherOpportunity = salesforce().insert("Opportunity", opportunity("Apollo 11"));
        pollAndSync();
    }

    @Test
    void salesforceTask_becomesAHubSpotTaskOnItsContactAndDeal_andACompletionInHubSpotReachesSalesforce() {
        // given: a Salesforce task on the contact and the opportunity
        String task = salesforce().insert("Task", Map.of("Subject", "Check the trajectory", "Description",
                "Orbital figures", "Status", "Not Started", "Priority", "High", "ActivityDate",
                LocalDate.of(2026, 12, 10), "WhoId", contact, "WhatId", opportunity, "OwnerId", userId));

        // when
        pollAndSync();

        // then: a HubSpot task with its fields, owner and records
        String taskId = pairings.findBySalesforceId("task", task).orElseThrow().hubspotId();
        assertThat(hubspot().record("tasks", taskId).orElseThrow())
                .containsEntry("hs_task_subject", "Check the trajectory")
                .containsEntry("hs_task_body", "Orbital figures")
                .containsEntry("hs_task_status", "NOT_STARTED")
                .containsEntry("hs_task_priority", "HIGH")
                .containsEntry("hubspot_owner_id", ownerId);
        assertThat(hubspot().record("tasks", taskId).orElseThrow().get("hs_timestamp")).startsWith("2026-12-10");
        assertThat(associated("task", taskId, "contact")).containsExactly(hubspotId("contact", contact));
        assertThat(associated("task", taskId, "deal")).containsExactly(hubspotId("deal", opportunity));

        // when: completed in HubSpot
        hubspotClient.batchUpdate("task", List.of(new ObjectUpdate(taskId, Map.of("hs_task_status", "COMPLETED"))));
        pollAndSync();

        // then
        assertThat(salesforce().record("Task", task)).containsEntry("Status", "Completed")
                .containsEntry("Subject", "Check the trajectory");
    }

    @Test
    void taskMovedToAnotherOpportunityInSalesforce_movesItsDealAssociationInHubSpot() {
        // given: a synced task on the first opportunity
        String task = salesforce().insert("Task", Map.of("Subject", "Send the figures", "Status", "Not Started",
                "Priority", "Normal", "WhoId", contact, "WhatId", opportunity));
        pollAndSync();
        String taskId = pairings.findBySalesforceId("task", task).orElseThrow().hubspotId();

        // when
        editSalesforce("Task", task, Map.of("WhatId", otherOpportunity));
        pollAndSync();

        // then
        assertThat(associated("task", taskId, "deal")).containsExactly(hubspotId("deal", otherOpportunity));
        assertThat(associated("task", taskId, "contact")).containsExactly(hubspotId("contact", contact));
    }

    @Test
    void hubspotMeetingOnAContact_createsOneSalesforceEvent_withItsTimesAndWhoId() {
        // given: a meeting logged in HubSpot on the synced contact
        String contactId = hubspotId("contact", contact);
        String meetingId = hubspotClient.batchCreate("meeting", List.of(new ObjectInput(Map.of(
                "hs_meeting_title", "Launch review", "hs_meeting_body", "Go/no-go",
                "hs_meeting_start_time", "2026-12-11T14:00:00Z", "hs_meeting_end_time", "2026-12-11T15:00:00Z",
                "hs_timestamp", "2026-12-11T14:00:00Z", "hubspot_owner_id", ownerId), null))).results().get(0).id();
        hubspotClient.associations().associateDefault("meeting", "contact",
                List.of(new AssociationPair(meetingId, contactId)));

        // when: polled twice (the second poll sees crm-sync's own write)
        pollAndSync();
        pollAndSync();

        // then: one Event, with the meeting's fields and contact
        var store = salesforce().store();
        List<Map<String, Object>> events = store.table(store.schema().object("Event").orElseThrow()).values().stream()
                .filter(e -> "Launch review".equals(e.get("Subject"))).toList();
        assertThat(events).hasSize(1);
        Map<String, Object> event = events.get(0);
        assertThat(event).containsEntry("Description", "Go/no-go").containsEntry("WhoId", contact)
                .containsEntry("OwnerId", userId);
        assertThat(Instant.parse(event.get("StartDateTime").toString().replace("+0000", "Z")))
                .isEqualTo(Instant.parse("2026-12-11T14:00:00Z"));
        assertThat(pairings.findByHubspotId("meeting", meetingId)).isPresent();
    }

    private Map<String, Object> opportunity(String name) {
        return Map.of("Name", unique(name), "StageName", "Prospecting", "CloseDate", LocalDate.of(2026, 6, 1),
                "Amount", new BigDecimal("10"), "AccountId", account);
    }

    private String hubspotId(String object, String salesforceId) {
        return pairings.findBySalesforceId(object, salesforceId).orElseThrow().hubspotId();
    }

    private List<String> associated(String object, String id, String target) {
        return hubspotClient.associations().read(object, target, List.of(id)).getOrDefault(id, List.of()).stream()
                .map(Association::toId).toList();
    }
}
