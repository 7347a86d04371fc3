package io.crmsync.picklists;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The value maps that ship: Salesforce's default lead statuses onto HubSpot's lead statuses, its default opportunity stages onto HubSpot's default sales pipeline, and case
 * status and priority onto the default support pipeline and ticket priorities, and Task status, priority and type
 * onto HubSpot's task ones, and a call Task's type and status onto HubSpot's call direction and status. An org with other values edits them
 * with {@code PUT /settings/value-maps/{object}}; a value missing from the map is a Sync Health error naming it.
 */
final class DefaultValueMaps {

    private static final Map<String, List<ValueMap>> DEFAULTS = Map.of(
            // Salesforce's default Lead Status picklist onto HubSpot's default lead statuses. HubSpot has more
            // options (OPEN, ATTEMPTED_TO_CONTACT, CONNECTED, BAD_TIMING) than Salesforce has values; each value maps
            // to one option so the translation works both ways, so those four are a Sync Health error until mapped.
            "contact", List.of(map("hs_lead_status", "Status",
                    "Open - Not Contacted", "NEW",
                    "Working - Contacted", "IN_PROGRESS",
                    "Closed - Converted", "OPEN_DEAL",
                    "Closed - Not Converted", "UNQUALIFIED")),
            "deal", List.of(map("dealstage", "StageName",
                    "Prospecting", "appointmentscheduled",
                    "Qualification", "qualifiedtobuy",
                    "Needs Analysis", "presentationscheduled",
                    "Proposal/Price Quote", "decisionmakerboughtin",
                    "Negotiation/Review", "contractsent",
                    "Closed Won", "closedwon",
                    "Closed Lost", "closedlost")),
            "ticket", List.of(
                    map("hs_pipeline_stage", "Status", "New", "1", "Working", "2", "Escalated", "3", "Closed", "4"),
                    map("hs_ticket_priority", "Priority", "High", "HIGH", "Medium", "MEDIUM", "Low", "LOW")),
            // Salesforce's default Task picklists; HubSpot's WAITING and DEFERRED have no default counterpart.
            "task", List.of(
                    map("hs_task_status", "Status", "Not Started", "NOT_STARTED", "In Progress", "IN_PROGRESS",
                            "Completed", "COMPLETED"),
                    map("hs_task_priority", "Priority", "High", "HIGH", "Normal", "MEDIUM", "Low", "LOW"),
                    map("hs_task_type", "Type", "Call", "CALL", "Email", "EMAIL", "Other", "TODO")),
            // A call Task's direction and status. Salesforce's "Internal" calls have no HubSpot direction; a logged
            // call is "Completed" in Salesforce, COMPLETED in HubSpot; a planned one "Not Started", QUEUED.
            "call", List.of(
                    map("hs_call_direction", "CallType", "Inbound", "INBOUND", "Outbound", "OUTBOUND"),
                    map("hs_call_status", "Status", "Completed", "COMPLETED", "In Progress", "IN_PROGRESS",
                            "Not Started", "QUEUED")));

    private DefaultValueMaps() {
    }

    static List<ValueMap> forObject(String object) {
        return DEFAULTS.getOrDefault(object, List.of());
    }

    private static ValueMap map(String hubspotProperty, String salesforceField, String... salesforceThenHubSpot) {
        List<ValuePair> pairs = new ArrayList<>();
        for (int i = 0; i < salesforceThenHubSpot.length; i += 2) {
            pairs.add(new ValuePair(salesforceThenHubSpot[i], salesforceThenHubSpot[i + 1]));
        }
        return new ValueMap(hubspotProperty, salesforceField, pairs);
    }
}
