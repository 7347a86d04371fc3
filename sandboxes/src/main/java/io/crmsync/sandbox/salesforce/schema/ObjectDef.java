package io.crmsync.sandbox.salesforce.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static io.crmsync.sandbox.salesforce.schema.FieldDef.system;

/** One sandbox sObject type: its name, Id key prefix, fields (system fields added here) and validation rules. */
public final class ObjectDef {

    private final String name;
    private final String keyPrefix;
    private final List<FieldDef> fields;
    private final List<ValidationRule> rules;
    private final Map<String, FieldDef> byLowerName = new LinkedHashMap<>();

    private ObjectDef(String name, String keyPrefix, List<FieldDef> fields, List<ValidationRule> rules) {
        this.name = name;
        this.keyPrefix = keyPrefix;
        this.fields = List.copyOf(fields);
        this.rules = List.copyOf(rules);
        for (FieldDef f : fields) {
            byLowerName.put(f.name().toLowerCase(Locale.ROOT), f);
        }
    }

    /** Adds the platform fields every record has (Id, IsDeleted, audit dates) around {@code own}. */
    public static ObjectDef of(String name, String keyPrefix, List<FieldDef> own, List<ValidationRule> rules) {
        List<FieldDef> all = new ArrayList<>();
        all.add(system("Id", FieldType.ID));
        all.add(system("IsDeleted", FieldType.BOOLEAN));
        all.addAll(own);
        all.add(system("CreatedDate", FieldType.DATETIME));
        all.add(system("CreatedById", FieldType.REFERENCE).referencing("User"));
        all.add(system("LastModifiedDate", FieldType.DATETIME));
        all.add(system("LastModifiedById", FieldType.REFERENCE).referencing("User"));
        all.add(system("SystemModstamp", FieldType.DATETIME));
        return new ObjectDef(name, keyPrefix, all, rules);
    }

    public String name() {
        return name;
    }

    public String label() {
        return name.replace("__c", "").replace('_', ' ');
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean custom() {
        return name.endsWith("__c");
    }

    public List<FieldDef> fields() {
        return fields;
    }

    public List<ValidationRule> rules() {
        return rules;
    }

    public List<FieldDef> externalIdFields() {
        return fields.stream().filter(FieldDef::externalId).toList();
    }

    /** Field names are case-insensitive in SOQL and in record bodies, as in Salesforce. */
    public Optional<FieldDef> field(String anyCase) {
        return Optional.ofNullable(byLowerName.get(anyCase.toLowerCase(Locale.ROOT)));
    }
}
