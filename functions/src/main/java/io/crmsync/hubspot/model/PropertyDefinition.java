package io.crmsync.hubspot.model;

import java.util.List;

/**
 * A property's definition: {@code type} is the data type (string, number, date, datetime, enumeration, bool) and
 * {@code fieldType} the input control (text, select, booleancheckbox, ...); {@code options} are enumeration values.
 */
public record PropertyDefinition(String name, String label, String type, String fieldType, boolean hasUniqueValue,
        boolean readOnlyValue, boolean calculated, List<String> options) {

    public PropertyDefinition {
        options = List.copyOf(options);
    }
}
