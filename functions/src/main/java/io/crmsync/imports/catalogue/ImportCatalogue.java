package io.crmsync.imports.catalogue;

import static io.crmsync.imports.catalogue.Values.put;
import static io.crmsync.imports.catalogue.Values.putMapped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.crmsync.imports.ImportsConfig;
import io.crmsync.settings.CustomObjects;
import io.crmsync.imports.catalogue.ImportPhase.Association;
import io.crmsync.imports.definition.InvalidImportException;
import io.crmsync.picklists.ValueMapCatalog;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.settings.SalesforceSubset;
import io.crmsync.store.SalesforceType;
import io.crmsync.sync.translate.CallDurationTranslation;
import io.crmsync.sync.translate.Translated;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which Salesforce objects each importable object reads and how their records map to HubSpot (as HubSpot's own
 * connector maps them: accounts to companies, opportunities to deals, cases to tickets, tasks and events to tasks and
 * meetings, Tasks logged as calls to calls). Picklists cross through the value maps the sync uses. Every non-contact object upserts by {@value #SALESFORCE_ID}, a unique HubSpot property holding the
 * Salesforce Id, so a retried chunk updates what it created instead of duplicating it.
 */
@ApplicationScoped
public class ImportCatalogue {

    public static final String SALESFORCE_ID = "salesforce_id";
    /** The contact property campaign imports fill (HubSpot's "Salesforce Campaigns"). */
    public static final String SALESFORCE_CAMPAIGNS = "salesforce_campaigns";

    /** Activities point at a contact or lead (WhoId) and an account, opportunity or case (WhatId). */
    static final List<Association> ACTIVITY_ASSOCIATIONS = List.of(
            new Association("WhoId", "contact", "contacts"),
            new Association("WhatId", "company", "companies"),
            new Association("WhatId", "deal", "deals"),
            new Association("WhatId", "ticket", "tickets"));

    private final ImportsConfig config;
    private final CustomObjects customObjects;
    private final ValueMapCatalog valueMaps;

    ImportCatalogue(ImportsConfig config, ValueMapCatalog valueMaps, CustomObjects customObjects) {
        this.config = config;
        this.customObjects = customObjects;
        this.valueMaps = valueMaps;
    }

    /** Salesforce value -> HubSpot value of one value map (empty when the user removed it). */
    private Map<String, String> valueMap(String object, String hubspotProperty) {
        Map<String, String> out = new LinkedHashMap<>();
        valueMaps.find(object, hubspotProperty).ifPresent(m -> m.values().forEach(v -> out.put(v.salesforce(),
                v.hubspot())));
        return out;
    }

    /** The phases an import of {@code object} runs, in order ({@code describe} gives custom objects' fields). */
    public List<ImportPhase> phases(ImportableObject object, String customObject,
            java.util.function.Function<String, Describe> describe) {
        return switch (object) {
            case LEADS -> List.of(emailOnly("Lead", SalesforceType.LEAD));
            case CONTACTS -> List.of(emailOnly("Contact", SalesforceType.CONTACT));
            case LEADS_AND_CONTACTS -> List.of(emailOnly("Lead", SalesforceType.LEAD),
                    emailOnly("Contact", SalesforceType.CONTACT));
            case CAMPAIGN -> List.of(campaignMembers());
            case ACCOUNTS -> List.of(accounts());
            case OPPORTUNITIES -> List.of(opportunities());
            case CASES -> List.of(cases());
            // Salesforce logs calls as Tasks: those are HubSpot calls, the others tasks, as the sync pairs them.
            case TASKS -> List.of(tasks().only(SalesforceSubset.of("task", "Task").orElseThrow().condition()),
                    calls().only(SalesforceSubset.of("call", "Task").orElseThrow().condition()));
            case EVENTS -> List.of(events());
            case CUSTOM -> List.of(custom(customObject, describe));
        };
    }

    private static ImportPhase emailOnly(String sobject, SalesforceType type) {
        return new ImportPhase(sobject, List.of("Id", "Email"), "contacts", "contact", type, "email", r -> {
            String email = r.getString("Email");
            if (email == null || email.isBlank()) {
                return MappedRecord.skip(r.id(), "NO_EMAIL");
            }
            String normalized = email.trim().toLowerCase(Locale.ROOT);
            return MappedRecord.write(r.id(), normalized, Map.of("email", normalized));
        }, List.of());
    }

    /**
     * Members carry the LeadId/ContactId; the worker adds the member's {@code Email} and the campaign's {@code Name}
     * (as {@code CampaignName}) before mapping, because SOQL relationship paths are not part of the builder.
     */
    private static ImportPhase campaignMembers() {
        return new ImportPhase("CampaignMember", List.of("Id", "CampaignId", "LeadId", "ContactId"), "contacts",
                "contact", null, "email", r -> {
                    String person = r.getString("ContactId") != null ? r.getString("ContactId") : r.getString("LeadId");
                    String email = r.getString("Email");
                    if (person == null || email == null || email.isBlank()) {
                        return MappedRecord.skip(person == null ? r.id() : person, "NO_EMAIL");
                    }
                    String normalized = email.trim().toLowerCase(Locale.ROOT);
                    return MappedRecord.write(person, normalized, Map.of("email", normalized,
                            SALESFORCE_CAMPAIGNS, r.getString("CampaignName")));
                }, List.of());
    }

    private static ImportPhase accounts() {
        return bySalesforceId("Account", List.of("Name", "Website", "Phone", "BillingCity", "AnnualRevenue",
                "NumberOfEmployees"), "companies", "company", SalesforceType.ACCOUNT, (r, p) -> {
                    put(p, "name", r, "Name");
                    String domain = Values.domain(r.getString("Website"));
                    if (domain != null) {
                        p.put("domain", domain);
                    }
                    put(p, "phone", r, "Phone");
                    put(p, "city", r, "BillingCity");
                    put(p, "annualrevenue", r, "AnnualRevenue");
                    put(p, "numberofemployees", r, "NumberOfEmployees");
                }, List.of());
    }

    private ImportPhase opportunities() {
        Map<String, String> stages = valueMap("deal", "dealstage");
        return bySalesforceId("Opportunity", List.of("Name", "StageName", "CloseDate", "Amount", "AccountId"),
                "deals", "deal", SalesforceType.OPPORTUNITY, (r, p) -> {
                    put(p, "dealname", r, "Name");
                    put(p, "amount", r, "Amount");
                    put(p, "closedate", r, "CloseDate");
                    p.put("pipeline", config.dealPipeline());
                    putMapped(p, "dealstage", r, "StageName", stages);
                }, List.of(new Association("AccountId", "company", "companies")));
    }

    private ImportPhase cases() {
        Map<String, String> statuses = valueMap("ticket", "hs_pipeline_stage");
        Map<String, String> priorities = valueMap("ticket", "hs_ticket_priority");
        return bySalesforceId("Case", List.of("Subject", "Description", "Status", "Priority", "ContactId",
                "AccountId"), "tickets", "ticket", SalesforceType.CASE, (r, p) -> {
                    p.put("subject", r.getString("Subject") == null ? "Case " + r.id() : r.getString("Subject"));
                    put(p, "content", r, "Description");
                    p.put("hs_pipeline", "0");
                    p.put("hs_pipeline_stage", statuses.getOrDefault(r.getString("Status"), "1"));
                    putMapped(p, "hs_ticket_priority", r, "Priority", priorities);
                }, List.of(new Association("ContactId", "contact", "contacts"),
                        new Association("AccountId", "company", "companies")));
    }

    /** Status, priority and type through the task value maps: one translation for the import and the sync. */
    private ImportPhase tasks() {
        Map<String, String> statuses = valueMap("task", "hs_task_status");
        Map<String, String> priorities = valueMap("task", "hs_task_priority");
        Map<String, String> types = valueMap("task", "hs_task_type");
        return bySalesforceId("Task", List.of("Subject", "Description", "Status", "Priority", "Type",
                "ActivityDate", "WhoId", "WhatId", "CreatedDate"), "tasks", "task", SalesforceType.TASK, (r, p) -> {
                    put(p, "hs_task_subject", r, "Subject");
                    put(p, "hs_task_body", r, "Description");
                    putMapped(p, "hs_task_status", r, "Status", statuses);
                    putMapped(p, "hs_task_priority", r, "Priority", priorities);
                    putMapped(p, "hs_task_type", r, "Type", types);
                    String due = Values.startOfDay(r.getString("ActivityDate"));
                    p.put("hs_timestamp", due != null ? due : r.getString("CreatedDate"));
                }, ACTIVITY_ASSOCIATIONS);
    }

    /** Tasks Salesforce logged as calls, as HubSpot calls: direction and status through the call value maps. */
    private ImportPhase calls() {
        Map<String, String> directions = valueMap("call", "hs_call_direction");
        Map<String, String> statuses = valueMap("call", "hs_call_status");
        return bySalesforceId("Task", List.of("Subject", "Description", "Status", "CallType",
                "CallDurationInSeconds", "ActivityDate", "WhoId", "WhatId", "CreatedDate"), "calls", "call",
                SalesforceType.TASK, (r, p) -> {
                    put(p, "hs_call_title", r, "Subject");
                    put(p, "hs_call_body", r, "Description");
                    putMapped(p, "hs_call_direction", r, "CallType", directions);
                    putMapped(p, "hs_call_status", r, "Status", statuses);
                    String seconds = r.getString("CallDurationInSeconds");
                    if (seconds != null) {
                        Translated ms = CallDurationTranslation.INSTANCE.hubspotSide(seconds);
                        if (ms.ok() && ms.value() != null) {
                            p.put("hs_call_duration", ms.value());
                        }
                    }
                    String day = Values.startOfDay(r.getString("ActivityDate"));
                    p.put("hs_timestamp", day != null ? day : r.getString("CreatedDate"));
                }, ACTIVITY_ASSOCIATIONS);
    }

    private static ImportPhase events() {
        return bySalesforceId("Event", List.of("Subject", "Description", "StartDateTime", "EndDateTime",
                "WhoId", "WhatId", "CreatedDate"), "meetings", "meeting", SalesforceType.EVENT, (r, p) -> {
                    put(p, "hs_meeting_title", r, "Subject");
                    put(p, "hs_meeting_body", r, "Description");
                    put(p, "hs_meeting_start_time", r, "StartDateTime");
                    put(p, "hs_meeting_end_time", r, "EndDateTime");
                    String start = r.getString("StartDateTime");
                    p.put("hs_timestamp", start != null ? start : r.getString("CreatedDate"));
                }, ACTIVITY_ASSOCIATIONS);
    }

    /** Custom objects: every writable, non-reference field, named in lower case without {@code __c}. */
    private ImportPhase custom(String apiName, java.util.function.Function<String, Describe> describe) {
        String hubspotType = customObjects.bySalesforceObject(apiName).map(CustomObjects.Pair::hubspotObject)
                .orElse(null);
        if (hubspotType == null) {
            throw new InvalidImportException("UNKNOWN_CUSTOM_OBJECT", "Custom object '" + apiName
                    + "' has no HubSpot custom object paired with it (PUT /settings/custom-objects). Configured: "
                    + customObjects.all().stream().map(CustomObjects.Pair::salesforceObject).toList() + ".",
                    "customObject");
        }
        Describe d = describe.apply(apiName);
        List<String> fields = new ArrayList<>();
        for (FieldDescribe f : d.fields()) {
            if (!f.calculated() && f.createable() && !f.type().equals("reference") && !f.externalId()) {
                fields.add(f.name());
            }
        }
        return bySalesforceId(d.name(), fields, hubspotType, hubspotType, SalesforceType.CUSTOM, (r, p) -> {
            for (String field : fields) {
                put(p, propertyName(field), r, field);
            }
        }, List.of());
    }

    static String propertyName(String field) {
        String lower = field.toLowerCase(Locale.ROOT);
        return lower.endsWith("__c") ? lower.substring(0, lower.length() - 3) : lower;
    }

    private static ImportPhase bySalesforceId(String sobject, List<String> fields, String hubspotType,
            String pairingType, SalesforceType type, java.util.function.BiConsumer<SObject, Map<String, String>> map,
            List<Association> associations) {
        List<String> selected = new ArrayList<>(List.of("Id"));
        selected.addAll(fields);
        return new ImportPhase(sobject, selected, hubspotType, pairingType, type, SALESFORCE_ID, r -> {
            Map<String, String> properties = new LinkedHashMap<>();
            map.accept(r, properties);
            properties.put(SALESFORCE_ID, r.id());
            return MappedRecord.write(r.id(), r.id(), properties);
        }, associations);
    }
}
