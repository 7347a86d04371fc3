package io.crmsync.sandbox.salesforce.schema;

import java.util.List;

/**
 * One field of a sandbox sObject, carrying what {@code describe} reports and what writes are checked against.
 *
 * @param required   {@code nillable=false} and createable: a create without it fails with REQUIRED_FIELD_MISSING
 * @param formula    non-null for a formula field ({@code calculated=true}, never createable or updateable)
 */
public record FieldDef(String name, String label, FieldType type, int length, boolean required, boolean createable,
        boolean updateable, boolean externalId, boolean unique, List<String> referenceTo, List<String> picklistValues,
        Formula formula, String formulaText, boolean restrictedPicklist) {

    public FieldDef {
        referenceTo = List.copyOf(referenceTo);
        picklistValues = List.copyOf(picklistValues);
    }

    public boolean calculated() {
        return formula != null;
    }

    public boolean nillable() {
        return !required && type != FieldType.BOOLEAN && !isSystem();
    }

    /** Set by the platform, not by API callers (Id, audit fields). */
    public boolean isSystem() {
        return !createable && !updateable && formula == null;
    }

    public static FieldDef field(String name, FieldType type) {
        int length = switch (type) {
            case ID, REFERENCE -> 18;
            case STRING, EMAIL, URL -> 255;
            case PHONE -> 40;
            case PICKLIST -> 255;
            case TEXTAREA -> 32000;
            default -> 0;
        };
        return new FieldDef(name, label(name), type, length, false, true, true, false, false, List.of(), List.of(),
                null, null, false);
    }

    public static FieldDef system(String name, FieldType type) {
        return new FieldDef(name, label(name), type, type.isText() ? 18 : 0, false, false, false, false, false,
                List.of(), List.of(), null, null, false);
    }

    public static FieldDef formula(String name, FieldType type, String formulaText, Formula formula) {
        return new FieldDef(name, label(name), type, type.isText() ? 1300 : 0, false, false, false, false, false,
                List.of(), List.of(), formula, formulaText, false);
    }

    public FieldDef withLength(int newLength) {
        return new FieldDef(name, label, type, newLength, required, createable, updateable, externalId, unique,
                referenceTo, picklistValues, formula, formulaText, restrictedPicklist);
    }

    public FieldDef asRequired() {
        return new FieldDef(name, label, type, length, true, createable, updateable, externalId, unique, referenceTo,
                picklistValues, formula, formulaText, restrictedPicklist);
    }

    public FieldDef asExternalId() {
        return new FieldDef(name, label, type, length, required, createable, updateable, true, true, referenceTo,
                picklistValues, formula, formulaText, restrictedPicklist);
    }

    public FieldDef readOnly() {
        return new FieldDef(name, label, type, length, required, false, false, externalId, unique, referenceTo,
                picklistValues, formula, formulaText, restrictedPicklist);
    }

    /** Set on insert only, as {@code Task.TaskSubtype}: describe says createable, not updateable. */
    public FieldDef createOnly() {
        return new FieldDef(name, label, type, length, required, true, false, externalId, unique, referenceTo,
                picklistValues, formula, formulaText, restrictedPicklist);
    }

    public FieldDef referencing(String... targets) {
        return new FieldDef(name, label, type, length, required, createable, updateable, externalId, unique,
                List.of(targets), picklistValues, formula, formulaText, restrictedPicklist);
    }

    public FieldDef withPicklist(String... values) {
        return new FieldDef(name, label, type, length, required, createable, updateable, externalId, unique,
                referenceTo, List.of(values), formula, formulaText, restrictedPicklist);
    }

    /** A restricted picklist: Salesforce refuses values not listed (INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST). */
    public FieldDef restricted() {
        return new FieldDef(name, label, type, length, required, createable, updateable, externalId, unique,
                referenceTo, picklistValues, formula, formulaText, true);
    }

    private static String label(String apiName) {
        return apiName.replace("__c", "").replace('_', ' ');
    }
}
