package io.crmsync.salesforce.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One field of a describe: {@code calculated} marks formula fields, which are never written; a picklist lists its
 * values, and {@code restrictedPicklist} says Salesforce refuses any other value.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldDescribe(String name, String label, String type, int length, boolean calculated,
        String calculatedFormula, boolean createable, boolean updateable, boolean nillable, boolean externalId,
        List<String> referenceTo, List<PicklistValue> picklistValues, boolean restrictedPicklist) {

    public FieldDescribe {
        referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
    }

    public FieldDescribe(String name, String label, String type, int length, boolean calculated,
            String calculatedFormula, boolean createable, boolean updateable, boolean nillable, boolean externalId,
            List<String> referenceTo) {
        this(name, label, type, length, calculated, calculatedFormula, createable, updateable, nillable, externalId,
                referenceTo, List.of(), false);
    }

    /** The active values a picklist accepts (empty for other types). */
    public List<String> activeValues() {
        return picklistValues.stream().filter(PicklistValue::active).map(PicklistValue::value).toList();
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PicklistValue(String value, String label, boolean active) {
    }
}
