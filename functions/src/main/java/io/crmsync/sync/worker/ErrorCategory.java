package io.crmsync.sync.worker;

import java.util.Locale;

/**
 * The sync error categories users know from HubSpot's Sync Health tab. Each Salesforce status code or HubSpot error
 * category maps to one, so the errors list groups them the same way.
 */
public enum ErrorCategory {
    ASSOCIATIONS,
    CUSTOM_CODE,
    DUPLICATES,
    PERMISSIONS,
    PROPERTY_VALUE,
    OTHER;

    public static ErrorCategory ofSalesforce(String statusCode) {
        String code = statusCode == null ? "" : statusCode.toUpperCase(Locale.ROOT);
        if (code.equals("FIELD_CUSTOM_VALIDATION_EXCEPTION") || code.startsWith("CANNOT_EXECUTE_FLOW")
                || code.equals("APEX_ERROR") || code.contains("TRIGGER")) {
            return CUSTOM_CODE;
        }
        if (code.startsWith("DUPLICATE")) {
            return DUPLICATES;
        }
        // HubSpot files "Insufficient access or missing Salesforce record" under permissions.
        if (code.startsWith("INSUFFICIENT_ACCESS") || code.equals("INVALID_FIELD_FOR_INSERT_UPDATE")
                || code.equals("ENTITY_IS_DELETED")) {
            return PERMISSIONS;
        }
        if (code.equals("INVALID_CROSS_REFERENCE_KEY") || code.contains("ASSOCIATION")) {
            return ASSOCIATIONS;
        }
        if (code.equals("REQUIRED_FIELD_MISSING") || code.startsWith("INVALID_") || code.equals("STRING_TOO_LONG")
                || code.equals("NUMBER_OUTSIDE_VALID_RANGE") || code.startsWith("FIELD_INTEGRITY")) {
            return PROPERTY_VALUE;
        }
        return OTHER;
    }

    public static ErrorCategory ofHubSpot(String category, String message) {
        String c = category == null ? "" : category.toUpperCase(Locale.ROOT);
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (c.equals("CONFLICT") || m.contains("already exists") || m.contains("already in use")) {
            return DUPLICATES;
        }
        if (c.equals("MISSING_SCOPES") || c.contains("PERMISSION") || m.contains("permission")) {
            return PERMISSIONS;
        }
        if (m.contains("association")) {
            return ASSOCIATIONS;
        }
        if (c.equals("VALIDATION_ERROR") || c.startsWith("INVALID")) {
            return PROPERTY_VALUE;
        }
        return OTHER;
    }
}
