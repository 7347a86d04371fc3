package io.crmsync.sandbox.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An object type the sandbox serves, with the facts that differ between types on the real API: the type id used by
 * Lists ({@code 0-1} for contacts), the name of the last-modified property ({@code lastmodifieddate} for contacts,
 * {@code hs_lastmodifieddate} for everything else), which properties are unique (upsert keys) and the default
 * properties returned when a caller names none.
 */
record ObjectType(String name, String objectTypeId, String lastModifiedProperty, String createdProperty,
        Map<String, PropertyDef> properties, List<String> defaultProperties) {

    static final List<ObjectType> ALL = List.of(
            type("contacts", "0-1", "lastmodifieddate", List.of("email", "firstname", "lastname"),
                    PropertyDef.unique("email", "Email"), PropertyDef.text("firstname", "First Name"),
                    PropertyDef.text("lastname", "Last Name"), PropertyDef.text("phone", "Phone Number"),
                    PropertyDef.text("company", "Company Name"), PropertyDef.text("jobtitle", "Job Title"),
                    PropertyDef.text("city", "City"), PropertyDef.text("country", "Country/Region"),
                    PropertyDef.select("lifecyclestage", "Lifecycle Stage", "subscriber", "lead",
                            "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist",
                            "other"),
                    // HubSpot's default lead status options
                    PropertyDef.select("hs_lead_status", "Lead Status", "NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL",
                            "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED", "BAD_TIMING"),
                    PropertyDef.bool("hs_email_optout", "Unsubscribed from all email"),
                    PropertyDef.text("salesforce_campaigns", "Salesforce Campaigns"),
                    PropertyDef.owner(), PropertyDef.unique("external_id", "External ID")),
            type("companies", "0-2", "hs_lastmodifieddate", List.of("name", "domain"),
                    PropertyDef.text("name", "Company name"), PropertyDef.text("domain", "Company Domain Name"),
                    PropertyDef.text("industry", "Industry"), PropertyDef.number("annualrevenue", "Annual Revenue"),
                    PropertyDef.number("numberofemployees", "Number of Employees"),
                    PropertyDef.text("city", "City"), PropertyDef.text("phone", "Phone Number"), PropertyDef.owner(),
                    PropertyDef.unique("external_id", "External ID"), PropertyDef.unique("salesforce_id", "Salesforce ID")),
            type("deals", "0-3", "hs_lastmodifieddate",
                    List.of("dealname", "amount", "closedate", "pipeline", "dealstage"),
                    PropertyDef.text("dealname", "Deal Name"), PropertyDef.number("amount", "Amount"),
                    PropertyDef.date("closedate", "Close Date"), PropertyDef.text("pipeline", "Pipeline"),
                    PropertyDef.select("dealstage", "Deal Stage", "appointmentscheduled", "qualifiedtobuy",
                            "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon",
                            "closedlost"),
                    PropertyDef.owner(), PropertyDef.unique("external_id", "External ID"), PropertyDef.unique("salesforce_id", "Salesforce ID")),
            type("tickets", "0-5", "hs_lastmodifieddate", List.of("subject", "content", "hs_pipeline_stage"),
                    PropertyDef.text("subject", "Ticket name"), PropertyDef.text("content", "Ticket description"),
                    PropertyDef.text("hs_pipeline", "Pipeline"), PropertyDef.select("hs_pipeline_stage", "Ticket status", "1", "2", "3", "4"),
                    PropertyDef.select("hs_ticket_priority", "Priority", "LOW", "MEDIUM", "HIGH", "URGENT"),
                    PropertyDef.owner(), PropertyDef.unique("external_id", "External ID"), PropertyDef.unique("salesforce_id", "Salesforce ID")),
            type("tasks", "0-27", "hs_lastmodifieddate", List.of("hs_task_subject", "hs_task_status"),
                    PropertyDef.text("hs_task_subject", "Task Title"), PropertyDef.text("hs_task_body", "Notes"),
                    PropertyDef.select("hs_task_status", "Task Status", "NOT_STARTED", "IN_PROGRESS", "WAITING",
                            "COMPLETED", "DEFERRED"),
                    PropertyDef.datetime("hs_timestamp", "Due date"),
                    PropertyDef.select("hs_task_priority", "Priority", "NONE", "LOW", "MEDIUM", "HIGH"),
                    PropertyDef.select("hs_task_type", "Task Type", "TODO", "CALL", "EMAIL"),
                    PropertyDef.owner(),
                    PropertyDef.unique("external_id", "External ID"), PropertyDef.unique("salesforce_id", "Salesforce ID")),
            type("meetings", "0-47", "hs_lastmodifieddate", List.of("hs_meeting_title", "hs_meeting_start_time"),
                    PropertyDef.text("hs_meeting_title", "Meeting name"),
                    PropertyDef.text("hs_meeting_body", "Meeting description"),
                    PropertyDef.datetime("hs_meeting_start_time", "Start Time"),
                    PropertyDef.datetime("hs_meeting_end_time", "End Time"),
                    PropertyDef.datetime("hs_timestamp", "Meeting time"),
                    PropertyDef.select("hs_meeting_outcome", "Meeting outcome", "SCHEDULED", "COMPLETED", "RESCHEDULED",
                            "NO_SHOW", "CANCELED"),
                    PropertyDef.owner(),
                    PropertyDef.unique("external_id", "External ID"), PropertyDef.unique("salesforce_id", "Salesforce ID")),
            type("calls", "0-48", "hs_lastmodifieddate", List.of("hs_call_title", "hs_timestamp"),
                    PropertyDef.text("hs_call_title", "Call Title"), PropertyDef.text("hs_call_body", "Call notes"),
                    PropertyDef.select("hs_call_status", "Call status", "BUSY", "CALLING_CRM_USER", "CANCELED",
                            "COMPLETED", "CONNECTING", "FAILED", "IN_PROGRESS", "NO_ANSWER", "QUEUED", "RINGING"),
                    PropertyDef.select("hs_call_direction", "Call direction", "INBOUND", "OUTBOUND"),
                    PropertyDef.number("hs_call_duration", "Call duration (ms)"),
                    PropertyDef.datetime("hs_timestamp", "Activity date"),
                    PropertyDef.owner(),
                    PropertyDef.unique("external_id", "External ID"), PropertyDef.unique("salesforce_id", "Salesforce ID")),
            // the one custom object; real portals address it as 2-<n> or by its name
            type("vehicles", "2-1000001", "hs_lastmodifieddate", List.of("vin", "model"),
                    PropertyDef.unique("vin", "VIN"), PropertyDef.text("model", "Model"),
                    PropertyDef.number("year", "Year"), PropertyDef.unique("external_id", "External ID")),
            // a second custom object, the target of Salesforce Invoice__c imports (records keyed by salesforce_id)
            type("invoices", "2-1000002", "hs_lastmodifieddate", List.of("name", "amount", "status"),
                    PropertyDef.text("name", "Invoice name"), PropertyDef.number("amount", "Amount"),
                    PropertyDef.number("tax_rate", "Tax rate"), PropertyDef.text("status", "Status"),
                    PropertyDef.unique("salesforce_id", "Salesforce ID")));

    private static ObjectType type(String name, String typeId, String lastModified, List<String> defaults,
            PropertyDef... own) {
        Map<String, PropertyDef> props = new LinkedHashMap<>();
        for (PropertyDef p : own) {
            props.put(p.name(), p);
        }
        String created = name.equals("contacts") ? "createdate" : "hs_createdate";
        props.put("hs_object_id", PropertyDef.readOnlyNumber("hs_object_id", "Record ID"));
        props.put(created, PropertyDef.readOnlyDatetime(created, "Create Date"));
        props.put(lastModified, PropertyDef.readOnlyDatetime(lastModified, "Last Modified Date"));
        if (!name.equals("contacts")) {
            props.put("createdate", PropertyDef.readOnlyDatetime("createdate", "Create Date"));
        }
        List<String> defaultProps = new ArrayList<>(defaults);
        defaultProps.addAll(List.of("hs_object_id", "createdate", lastModified));
        // Mutable: a portal's properties grow through POST /crm/v3/properties/{objectType} (PropertyRoutes.create).
        return new ObjectType(name, typeId, lastModified, created, new java.util.concurrent.ConcurrentHashMap<>(props),
                List.copyOf(defaultProps));
    }

    /** By name ({@code contacts}), singular name ({@code contact}) or type id ({@code 0-1}). */
    static Optional<ObjectType> find(String nameOrId) {
        for (ObjectType t : ALL) {
            if (t.name.equals(nameOrId) || t.objectTypeId.equals(nameOrId)
                    || t.name.equals(nameOrId + "s") || (t.name.equals("companies") && nameOrId.equals("company"))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    static ObjectType require(String nameOrId) {
        return find(nameOrId).orElseThrow(() -> new SandboxException(HubSpotError.of(400, "VALIDATION_ERROR",
                "Unable to infer object type from: " + nameOrId)));
    }

    /** Custom objects have type ids {@code 2-...}; standard ones {@code 0-...}. */
    boolean isCustom() {
        return objectTypeId.startsWith("2-");
    }

    /** Adds a property a caller created; false when one of that name exists already. */
    boolean addProperty(PropertyDef property) {
        return properties.putIfAbsent(property.name(), property) == null;
    }

    List<String> uniqueProperties() {
        return properties.values().stream().filter(PropertyDef::hasUniqueValue)
                .filter(p -> !p.readOnly()).map(PropertyDef::name).sorted().toList();
    }

    boolean isReadOnly(String property) {
        PropertyDef def = properties.get(property);
        return def != null && def.readOnly();
    }
}
