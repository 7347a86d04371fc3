package io.crmsync.imports.catalogue;

import java.math.BigDecimal;
import java.util.Map;

import io.crmsync.salesforce.model.SObject;

/** Small conversions from Salesforce field values to HubSpot property strings. */
final class Values {

    private Values() {
    }

    /** Adds {@code field}'s value as text when present; HubSpot properties are strings on the wire. */
    static void put(Map<String, String> properties, String property, SObject record, String field) {
        Object value = record.get(field);
        if (value == null) {
            return;
        }
        String text = value instanceof BigDecimal d ? d.toPlainString() : value.toString();
        if (!text.isBlank()) {
            properties.put(property, text);
        }
    }

    /** Adds {@code field}'s value translated through {@code mapping}; values without a translation are left out. */
    static void putMapped(Map<String, String> properties, String property, SObject record, String field,
            Map<String, String> mapping) {
        String value = record.getString(field);
        if (value != null && mapping.containsKey(value)) {
            properties.put(property, mapping.get(value));
        }
    }

    /** "https://www.example.com/path" -> "www.example.com": HubSpot's company domain holds a host name only. */
    static String domain(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        String host = website.trim().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int end = host.indexOf('/');
        return end < 0 ? host : host.substring(0, end);
    }

    /** A Salesforce date (2026-01-31) as the midnight-UTC instant HubSpot date-times expect. */
    static String startOfDay(String date) {
        return date == null ? null : date + "T00:00:00Z";
    }
}
