package io.crmsync.sandbox.hubspot;

import java.util.List;

/**
 * One property definition as {@code /crm/v3/properties/{objectType}} reports it. {@code type} is the data type
 * (string, number, date, datetime, enumeration, bool) and {@code fieldType} the form control, which is what a mapping
 * needs to type-check against Salesforce fields.
 */
record PropertyDef(String name, String label, String type, String fieldType, boolean hasUniqueValue,
        boolean readOnly, List<String> options) {

    static PropertyDef text(String name, String label) {
        return new PropertyDef(name, label, "string", "text", false, false, List.of());
    }

    static PropertyDef unique(String name, String label) {
        return new PropertyDef(name, label, "string", "text", true, false, List.of());
    }

    static PropertyDef number(String name, String label) {
        return new PropertyDef(name, label, "number", "number", false, false, List.of());
    }

    static PropertyDef date(String name, String label) {
        return new PropertyDef(name, label, "date", "date", false, false, List.of());
    }

    static PropertyDef bool(String name, String label) {
        return new PropertyDef(name, label, "bool", "booleancheckbox", false, false, List.of("true", "false"));
    }

    static PropertyDef select(String name, String label, String... options) {
        return new PropertyDef(name, label, "enumeration", "select", false, false, List.of(options));
    }

    /** {@code hubspot_owner_id}: an enumeration whose options are the portal's owners. */
    static PropertyDef owner() {
        return new PropertyDef("hubspot_owner_id", "Owner", "enumeration", "select", false, false, List.of());
    }

    boolean isOwner() {
        return name.equals("hubspot_owner_id");
    }

    static PropertyDef datetime(String name, String label) {
        return new PropertyDef(name, label, "datetime", "date", false, false, List.of());
    }

    static PropertyDef readOnlyDatetime(String name, String label) {
        return new PropertyDef(name, label, "datetime", "date", false, true, List.of());
    }

    static PropertyDef readOnlyNumber(String name, String label) {
        return new PropertyDef(name, label, "number", "number", true, true, List.of());
    }

    boolean isNumericForComparison() {
        return type.equals("number") || type.equals("datetime") || type.equals("date");
    }
}
