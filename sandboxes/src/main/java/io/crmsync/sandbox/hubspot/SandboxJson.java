package io.crmsync.sandbox.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON in and out of the sandbox, in HubSpot's field names. */
final class SandboxJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SandboxJson() {
    }

    static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            throw SandboxException.validation("Request body is required");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw SandboxException.validation("Invalid input JSON on line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox could not write its own answer", e);
        }
    }

    /**
     * A record as the API shows it. {@code properties == null} means every set property (write answers);
     * otherwise exactly the named ones, unset ones as null (read and search answers).
     */
    static ObjectNode object(StoredObject o, Collection<String> properties) {
        ObjectNode node = NODES.objectNode();
        node.put("id", String.valueOf(o.id()));
        ObjectNode props = node.putObject("properties");
        if (properties == null) {
            new java.util.TreeMap<>(o.properties()).forEach(props::put);
        } else {
            properties.forEach(p -> props.put(p, o.get(p)));
        }
        node.put("createdAt", o.createdAt().toString());
        node.put("updatedAt", o.updatedAt().toString());
        node.put("archived", o.archived());
        if (o.archived()) {
            node.put("archivedAt", o.updatedAt().toString());
        }
        return node;
    }

    /** The string-to-string property map of an input, refusing non-scalar values as HubSpot does. */
    static Map<String, String> properties(JsonNode input) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode props = input.path("properties");
        if (!props.isMissingNode() && !props.isObject()) {
            throw SandboxException.validation("properties must be an object of property name to value");
        }
        props.fields().forEachRemaining(e -> {
            if (e.getValue().isContainerNode()) {
                throw SandboxException.validation("Property " + e.getKey() + " must be a string, number or boolean");
            }
            out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
        });
        return out;
    }

    /** The {@code inputs} array of a batch call, refusing more than HubSpot's 100. */
    static List<JsonNode> inputs(JsonNode body, int max) {
        JsonNode inputs = body.path("inputs");
        if (!inputs.isArray()) {
            throw SandboxException.validation("inputs must be an array");
        }
        if (inputs.size() > max) {
            throw new SandboxException(HubSpotError.of(400, "VALIDATION_ERROR",
                    "Batch input limit exceeded: got " + inputs.size() + " inputs, the limit is " + max + "."));
        }
        List<JsonNode> out = new ArrayList<>();
        inputs.forEach(out::add);
        return out;
    }

    /** The envelope of a batch answer, with {@code numErrors}/{@code errors} only when there are errors. */
    static ObjectNode batchAnswer(ArrayNode results, List<ObjectNode> errors, Instant startedAt) {
        ObjectNode node = NODES.objectNode();
        node.put("status", "COMPLETE");
        node.set("results", results);
        if (!errors.isEmpty()) {
            node.put("numErrors", errors.size());
            node.putArray("errors").addAll(errors);
        }
        node.put("requestedAt", startedAt.toString());
        node.put("startedAt", startedAt.toString());
        node.put("completedAt", Instant.now().toString());
        return node;
    }

    static ObjectNode batchError(String category, String message, List<String> ids, Map<String, String> extra) {
        ObjectNode error = NODES.objectNode();
        error.put("status", "error");
        error.put("category", category);
        error.put("message", message);
        ObjectNode context = error.putObject("context");
        context.putArray("ids").addAll(ids.stream().map(NODES::textNode).toList());
        extra.forEach((k, v) -> context.putArray(k).add(v));
        return error;
    }
}
