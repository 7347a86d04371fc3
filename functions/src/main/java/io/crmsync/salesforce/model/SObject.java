package io.crmsync.salesforce.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.salesforce.error.InvalidResponseException;

/**
 * A Salesforce record: its type, Id (null before it is created) and fields. Values are what JSON carries:
 * String (also dates and Ids), BigDecimal or Long, Boolean, or null.
 */
public record SObject(String type, String id, Map<String, Object> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SObject {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("An SObject needs a type");
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public static SObject of(String type, Map<String, Object> fields) {
        return new SObject(type, null, fields);
    }

    public static SObject of(String type, String id, Map<String, Object> fields) {
        return new SObject(type, id, fields);
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public String getString(String field) {
        Object v = fields.get(field);
        return v == null ? null : v.toString();
    }

    /** Reads a record as query, retrieve and sObject GET return it ({@code attributes} + fields). */
    public static SObject fromJson(JsonNode node, String expectedType) {
        if (node == null || !node.isObject()) {
            throw new InvalidResponseException("Expected a record object, got " + (node == null ? "nothing"
                    : node.getNodeType()));
        }
        String type = node.path("attributes").path("type").asText(expectedType);
        Map<String, Object> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getKey().equals("attributes")) {
                fields.put(e.getKey(), value(e.getValue()));
            }
        }
        Object id = fields.get("Id");
        return new SObject(type, id == null ? null : id.toString(), fields);
    }

    /** The body of a write: {@code attributes.type}, the fields and, when {@code withId}, the Id. */
    public ObjectNode toJson(boolean withId) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("attributes").put("type", type);
        if (withId) {
            if (id == null) {
                throw new IllegalArgumentException("A " + type + " update needs the record Id");
            }
            node.put("id", id);
        }
        fields.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Id")) {
                node.set(k, JSON.valueToTree(writable(k, v)));
            }
        });
        return node;
    }

    /** Dates and datetimes in the formats Salesforce reads; other values as Jackson writes them. */
    private static Object writable(String field, Object v) {
        if (v instanceof java.time.LocalDate d) {
            return d.toString();
        }
        if (v instanceof java.time.Instant i) {
            return i.toString();
        }
        if (v instanceof java.time.OffsetDateTime o) {
            return o.toInstant().toString();
        }
        if (v instanceof java.time.temporal.Temporal) {
            throw new IllegalArgumentException(field + ": use LocalDate for date fields and Instant for datetime fields, not "
                    + v.getClass().getSimpleName());
        }
        return v;
    }

    private static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return new BigDecimal(v.asText());
        }
        // Relationship sub-records and compound fields stay as JSON maps.
        return JSON.convertValue(v, Map.class);
    }
}
