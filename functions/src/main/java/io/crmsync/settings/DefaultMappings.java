package io.crmsync.settings;

import java.util.List;
import java.util.Map;

/**
 * The mappings that ship, like the connector's defaults: names and addresses Prefer-Salesforce-unless-blank. For
 * contacts one mapping serves Lead and Contact; it applies to whichever of the two has the field (Company exists on
 * Lead only). Picklists whose values differ by vocabulary (deal stage vs StageName, ticket status vs Case Status)
 * are translated through the value maps of {@code io.crmsync.picklists}. Activities carry what a rep reads on the
 * timeline: subject, notes, status, priority and due date of a task; title, notes, start and end of a meeting; and
 * the owner. HubSpot's connector offers no field mapping for activities; crm-sync's are editable like any other.
 */
final class DefaultMappings {

    private static final Map<String, List<FieldMapping>> DEFAULTS = Map.of(
            "contact", List.of(
                    FieldMapping.of("email", "Email"),
                    FieldMapping.of("firstname", "FirstName"),
                    FieldMapping.of("lastname", "LastName"),
                    FieldMapping.of("phone", "Phone"),
                    FieldMapping.of("jobtitle", "Title"),
                    FieldMapping.of("company", "Company"),
                    FieldMapping.of("city", "City"),
                    twoWay("hs_lead_status", "Status"),
                    owner()),
            "company", List.of(
                    FieldMapping.of("name", "Name"),
                    FieldMapping.of("domain", "Website"),
                    FieldMapping.of("city", "BillingCity"),
                    FieldMapping.of("annualrevenue", "AnnualRevenue"),
                    FieldMapping.of("numberofemployees", "NumberOfEmployees"),
                    owner()),
            "deal", List.of(
                    FieldMapping.of("dealname", "Name"),
                    FieldMapping.of("amount", "Amount"),
                    FieldMapping.of("closedate", "CloseDate"),
                    FieldMapping.of("dealstage", "StageName"),
                    owner()),
            "ticket", List.of(
                    FieldMapping.of("subject", "Subject"),
                    FieldMapping.of("content", "Description"),
                    FieldMapping.of("hs_pipeline_stage", "Status"),
                    FieldMapping.of("hs_ticket_priority", "Priority"),
                    owner()),
            "task", List.of(
                    FieldMapping.of("hs_task_subject", "Subject"),
                    FieldMapping.of("hs_task_body", "Description"),
                    twoWay("hs_task_status", "Status"),
                    twoWay("hs_task_priority", "Priority"),
                    twoWay("hs_task_type", "Type"),
                    twoWay("hs_timestamp", "ActivityDate"),
                    owner()),
            // A call logged in Salesforce is a Task with TaskSubtype "Call" (crm-sync sets it on Tasks it creates for
            // calls). HubSpot's duration is in milliseconds, Salesforce's in seconds (translated). CallDisposition
            // is left out: Salesforce's is free text, HubSpot's hs_call_disposition the id of one of the portal's
            // call outcomes, so no default could map them.
            "call", List.of(
                    FieldMapping.of("hs_call_title", "Subject"),
                    FieldMapping.of("hs_call_body", "Description"),
                    FieldMapping.of("hs_call_duration", "CallDurationInSeconds"),
                    FieldMapping.of("hs_call_direction", "CallType"),
                    twoWay("hs_call_status", "Status"),
                    twoWay("hs_timestamp", "ActivityDate"),
                    owner()),
            "meeting", List.of(
                    FieldMapping.of("hs_meeting_title", "Subject"),
                    FieldMapping.of("hs_meeting_body", "Description"),
                    twoWay("hs_meeting_start_time", "StartDateTime"),
                    twoWay("hs_meeting_end_time", "EndDateTime"),
                    owner()));

    private DefaultMappings() {
    }

    /** Owners sync two-way whatever the rule shows in HubSpot's UI, so the default says so. */
    private static FieldMapping owner() {
        return new FieldMapping("hubspot_owner_id", "OwnerId", SyncRule.TWO_WAY);
    }

    /**
     * A task is worked in both CRMs: completing it, re-prioritising it or moving its due date in either must reach
     * the other, which Prefer-Salesforce-unless-blank would refuse once Salesforce has a value. So is a lead: HubSpot
     * sequences and reps set its lead status as they work it, Salesforce lead queues theirs (HubSpot does not
     * document the connector's rule for lead status; this is what a rep working both would expect).
     */
    private static FieldMapping twoWay(String hubspotProperty, String salesforceField) {
        return new FieldMapping(hubspotProperty, salesforceField, SyncRule.TWO_WAY);
    }

    static List<FieldMapping> forObject(String object) {
        return DEFAULTS.getOrDefault(object, List.of());
    }
}
