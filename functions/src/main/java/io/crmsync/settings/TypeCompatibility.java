package io.crmsync.settings;

import java.util.Locale;
import java.util.Set;

import io.crmsync.salesforce.model.FieldDescribe;

/**
 * Which HubSpot property types may map to which Salesforce field types, after HubSpot's "Map HubSpot properties to
 * Salesforce fields" table: text to string-like fields, dropdown/radio to picklist and reference, multiple checkboxes
 * to multipicklist, single checkbox to boolean, number to numbers, date picker to date/datetime.
 */
final class TypeCompatibility {

    private static final Set<String> SF_TEXT = Set.of("string", "textarea", "email", "phone", "url", "id",
            "encryptedstring");
    private static final Set<String> SF_NUMBER = Set.of("int", "double", "currency", "percent", "long");
    private static final Set<String> SF_DATE = Set.of("date", "datetime");

    private TypeCompatibility() {
    }

    /** Null when compatible, else why not (for the 400 message). */
    static String whyIncompatible(HubSpotField hubspot, FieldDescribe salesforce) {
        String hs = lower(hubspot.type());
        String fieldType = lower(hubspot.fieldType());
        String sf = lower(salesforce.type());
        boolean ok = switch (hs) {
            case "string", "phone_number" -> SF_TEXT.contains(sf) || sf.equals("reference");
            case "number" -> SF_NUMBER.contains(sf);
            case "date", "datetime" -> SF_DATE.contains(sf);
            case "bool" -> sf.equals("boolean");
            case "enumeration" -> switch (fieldType) {
                case "checkbox" -> sf.equals("multipicklist");
                case "booleancheckbox" -> sf.equals("boolean");
                default -> sf.equals("picklist") || sf.equals("reference");
            };
            default -> false;
        };
        return ok ? null
                : "HubSpot property '" + hubspot.name() + "' (" + hs + (fieldType.isEmpty() ? "" : "/" + fieldType)
                        + ") cannot map to Salesforce field '" + salesforce.name() + "' (" + sf + ")";
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
