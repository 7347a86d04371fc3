package io.crmsync.hubspot;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.hubspot.model.BatchError;
import io.crmsync.hubspot.model.CrmObject;

/**
 * Reads HubSpot answers into records, checking the shape as it goes: an answer without {@code results}, a record
 * without an id or with an unreadable timestamp is an {@link HubSpotInvalidResponseException}, not a silent gap.
 */
final class HubSpotReader {

    private HubSpotReader() {
    }

    static JsonNode results(String operation, JsonNode answer) {
        JsonNode results = answer.get("results");
        if (results == null || !results.isArray()) {
            throw invalid(operation, "the answer has no results array");
        }
        return results;
    }

    static CrmObject object(String operation, JsonNode node) {
        String id = text(node, "id").orElseThrow(() -> invalid(operation, "a result has no id"));
        Map<String, String> properties = new LinkedHashMap<>();
        node.path("properties").fields().forEachRemaining(e ->
                properties.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return new CrmObject(id, properties, instant(operation, node, "createdAt"), instant(operation, node, "updatedAt"),
                node.path("archived").asBoolean(false));
    }

    static List<BatchError> errors(JsonNode answer) {
        List<BatchError> out = new ArrayList<>();
        for (JsonNode error : answer.path("errors")) {
            List<String> ids = new ArrayList<>();
            Map<String, List<String>> context = new HashMap<>();
            error.path("context").fields().forEachRemaining(e -> {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                if (e.getKey().equals("ids")) {
                    ids.addAll(values);
                } else {
                    context.put(e.getKey(), values);
                }
            });
            out.add(new BatchError(error.path("category").asText("UNKNOWN"), error.path("message").asText(""), ids,
                    context));
        }
        return out;
    }

    static Optional<String> nextAfter(JsonNode answer) {
        return text(answer.path("paging").path("next"), "after");
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? Optional.empty() : Optional.of(value.asText());
    }

    static HubSpotInvalidResponseException invalid(String operation, String what) {
        return new HubSpotInvalidResponseException(operation, what, null);
    }

    private static Instant instant(String operation, JsonNode node, String field) {
        Optional<String> raw = text(node, field);
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(raw.get());
        } catch (DateTimeParseException e) {
            throw new HubSpotInvalidResponseException(operation, field + " '" + raw.get() + "' is not an ISO instant", e);
        }
    }
}
