package io.crmsync.sync.worker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmsync.associations.AssociationLink;
import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;
import io.crmsync.settings.FieldMapping;
import io.crmsync.settings.ObjectPair;
import io.crmsync.settings.SyncRule;
import io.crmsync.store.SalesforceType;
import io.crmsync.sync.translate.ValueTranslation;

/**
 * One object pair as a sync run sees it: the mappings and, per Salesforce object, which of them apply (a contact
 * mapping applies to Lead and/or Contact, wherever the field exists), their types and which are formulas.
 */
public record MappedObject(ObjectPair pair, List<FieldMapping> mappings, Map<String, Describe> describes,
        Map<String, ValueTranslation> translations) {

    public MappedObject {
        translations = translations == null ? Map.of() : Map.copyOf(translations);
    }

    public MappedObject(ObjectPair pair, List<FieldMapping> mappings, Map<String, Describe> describes) {
        this(pair, mappings, describes, Map.of());
    }

    /** How a HubSpot property's values cross to its Salesforce field and back (unchanged unless translated). */
    public ValueTranslation translation(String hubspotProperty) {
        return translations.getOrDefault(hubspotProperty, ValueTranslation.IDENTITY);
    }

    public String object() {
        return pair.hubspotObject();
    }

    /** Mappings whose Salesforce field exists on {@code sobject}; DONT_SYNC ones are kept (their values are tracked). */
    public List<FieldMapping> mappingsFor(String sobject) {
        Describe describe = describes.get(sobject);
        return mappings.stream().filter(m -> describe.field(m.salesforceField()).isPresent()).toList();
    }

    /** The part of {@code sobject} this pair syncs, when it shares the object with another pair (Task). */
    public Optional<io.crmsync.settings.SalesforceSubset> subset(String sobject) {
        return io.crmsync.settings.SalesforceSubset.of(object(), sobject);
    }

    /** Whether a Salesforce record read with {@link #salesforceFields} belongs to this pair. */
    public boolean includes(String sobject, java.util.function.Function<String, Object> values) {
        return subset(sobject).map(s -> s.includes(values.apply(s.field()))).orElse(true);
    }

    public String fieldType(String sobject, String field) {
        return describes.get(sobject).field(field).map(FieldDescribe::type).orElse("string");
    }

    /** The describe's spelling of a field, which retrieve answers use as keys. */
    public String fieldName(String sobject, String field) {
        return describes.get(sobject).field(field).map(FieldDescribe::name).orElse(field);
    }

    public boolean isFormula(String sobject, String field) {
        return describes.get(sobject).field(field).map(FieldDescribe::calculated).orElse(false);
    }

    /** Fields to read from Salesforce for {@code sobject}: mapped ones plus the modification timestamps. */
    public List<String> salesforceFields(String sobject) {
        Set<String> fields = new LinkedHashSet<>();
        fields.add("Id");
        mappingsFor(sobject).forEach(m -> fields.add(fieldName(sobject, m.salesforceField())));
        fields.addAll(AssociationLink.fieldsFor(sobject));
        subset(sobject).ifPresent(s -> fields.add(s.field()));
        if (sobject.equals("Lead")) {
            fields.addAll(LeadConversions.LEAD_FIELDS);
        }
        fields.add("LastModifiedDate");
        fields.add("SystemModstamp");
        return new ArrayList<>(fields);
    }

    public List<String> hubspotProperties() {
        Set<String> props = new LinkedHashSet<>();
        mappings.forEach(m -> props.add(m.hubspotProperty()));
        props.add(HubSpotClient.lastModifiedProperty(object()));
        return new ArrayList<>(props);
    }

    /** The Salesforce object an id belongs to, from the describes' key prefixes (00Q is a Lead, 003 a Contact). */
    public Optional<String> sobjectOfId(String salesforceId) {
        if (salesforceId == null || salesforceId.length() < 3) {
            return Optional.empty();
        }
        String prefix = salesforceId.substring(0, 3);
        return pair.salesforceObjects().stream()
                .filter(s -> prefix.equals(describes.get(s).keyPrefix())).findFirst();
    }

    public String sobject(SalesforceType type) {
        return switch (type) {
            case LEAD -> "Lead";
            case CONTACT -> "Contact";
            case ACCOUNT -> "Account";
            case OPPORTUNITY -> "Opportunity";
            case CASE -> "Case";
            case TASK -> "Task";
            case EVENT -> "Event";
            case CUSTOM -> pair.primarySalesforceObject();
        };
    }

    public static SalesforceType typeOf(String sobject) {
        return switch (sobject) {
            case "Lead" -> SalesforceType.LEAD;
            case "Contact" -> SalesforceType.CONTACT;
            case "Account" -> SalesforceType.ACCOUNT;
            case "Opportunity" -> SalesforceType.OPPORTUNITY;
            case "Case" -> SalesforceType.CASE;
            case "Task" -> SalesforceType.TASK;
            case "Event" -> SalesforceType.EVENT;
            default -> SalesforceType.CUSTOM;
        };
    }

    /** Only Salesforce-authoritative rules let a blank-Salesforce initial sync leave HubSpot alone. */
    public static boolean writesSalesforce(SyncRule rule) {
        return rule.writesSalesforce();
    }
}
