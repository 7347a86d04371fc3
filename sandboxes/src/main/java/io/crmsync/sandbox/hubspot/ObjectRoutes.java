package io.crmsync.sandbox.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /crm/v3/objects/{objectType}/batch/{create|read|update|upsert|archive}}: 100 inputs per call. */
final class ObjectRoutes {

    static final int BATCH_LIMIT = 100;

    private final SandboxState state;

    ObjectRoutes(SandboxState state) {
        this.state = state;
    }

    Answer batchCreate(String objectType, JsonNode body) {
        ObjectStore store = state.store(objectType);
        List<JsonNode> inputs = SandboxJson.inputs(body, BATCH_LIMIT);
        Instant started = state.now();
        // objectWriteTraceId on every input asks for partial success (207) instead of all-or-nothing
        boolean partial = !inputs.isEmpty() && inputs.stream().allMatch(i -> i.hasNonNull("objectWriteTraceId"));
        ArrayNode results = SandboxJson.NODES.arrayNode();
        List<ObjectNode> errors = new ArrayList<>();
        synchronized (state) {
            List<Map<String, String>> accepted = new ArrayList<>();
            List<String> traceIds = new ArrayList<>();
            Set<String> uniqueValuesInBatch = new HashSet<>();
            for (JsonNode input : inputs) {
                Map<String, String> props = SandboxJson.properties(input);
                String trace = input.path("objectWriteTraceId").asText(null);
                try {
                    PropertyValidation.check(store.type(), props, state);
                    Optional<Long> existing = store.conflictingId(props, -1);
                    if (existing.isPresent()) {
                        throw new SandboxException(HubSpotError.of(409, "CONFLICT",
                                singular(store.type()) + " already exists. Existing ID: " + existing.get()));
                    }
                    for (String unique : store.type().uniqueProperties()) {
                        String v = props.get(unique);
                        if (v != null && !uniqueValuesInBatch.add(unique + "=" + v.toLowerCase())) {
                            throw SandboxException.validation("Duplicate " + unique + " in batch input: " + v);
                        }
                    }
                    accepted.add(props);
                    traceIds.add(trace);
                } catch (SandboxException e) {
                    if (!partial) {
                        throw e;
                    }
                    errors.add(SandboxJson.batchError(e.error().category(), e.error().message(), List.of(),
                            Map.of("objectWriteTraceId", trace)));
                }
            }
            for (int i = 0; i < accepted.size(); i++) {
                ObjectNode node = SandboxJson.object(state.create(store, accepted.get(i)), null);
                if (traceIds.get(i) != null) {
                    node.put("objectWriteTraceId", traceIds.get(i));
                }
                results.add(node);
            }
        }
        return new Answer(errors.isEmpty() ? 201 : 207, SandboxJson.batchAnswer(results, errors, started));
    }

    Answer batchRead(String objectType, JsonNode body) {
        ObjectStore store = state.store(objectType);
        List<JsonNode> inputs = SandboxJson.inputs(body, BATCH_LIMIT);
        String idProperty = body.path("idProperty").asText("hs_object_id");
        List<String> properties = requestedProperties(store.type(), body.path("properties"));
        Instant started = state.now();
        ArrayNode results = SandboxJson.NODES.arrayNode();
        List<String> missing = new ArrayList<>();
        synchronized (state) {
            for (JsonNode input : inputs) {
                String id = input.path("id").asText("");
                store.findByUnique(idProperty, id).ifPresentOrElse(
                        o -> results.add(SandboxJson.object(o, properties)), () -> missing.add(id));
            }
        }
        return withMissing(store.type(), results, missing, started, 200);
    }

    Answer batchUpdate(String objectType, JsonNode body) {
        ObjectStore store = state.store(objectType);
        List<JsonNode> inputs = SandboxJson.inputs(body, BATCH_LIMIT);
        Instant started = state.now();
        ArrayNode results = SandboxJson.NODES.arrayNode();
        List<String> missing = new ArrayList<>();
        synchronized (state) {
            Map<StoredObject, Map<String, String>> updates = new LinkedHashMap<>();
            for (JsonNode input : inputs) {
                String id = input.path("id").asText("");
                String idProperty = input.path("idProperty").asText("hs_object_id");
                Map<String, String> props = SandboxJson.properties(input);
                PropertyValidation.check(store.type(), props, state);
                Optional<StoredObject> current = store.findByUnique(idProperty, id);
                if (current.isEmpty()) {
                    missing.add(id);
                    continue;
                }
                store.conflictingId(props, current.get().id()).ifPresent(other -> {
                    throw new SandboxException(HubSpotError.of(409, "CONFLICT", "A " + singular(store.type())
                            + " with that unique value already exists. Existing ID: " + other));
                });
                updates.put(current.get(), props);
            }
            updates.forEach((current, props) -> results.add(SandboxJson.object(state.update(store, current, props), null)));
        }
        return withMissing(store.type(), results, missing, started, 200);
    }

    Answer batchUpsert(String objectType, JsonNode body) {
        ObjectStore store = state.store(objectType);
        List<JsonNode> inputs = SandboxJson.inputs(body, BATCH_LIMIT);
        Instant started = state.now();
        ArrayNode results = SandboxJson.NODES.arrayNode();
        synchronized (state) {
            Set<String> seen = new HashSet<>();
            for (JsonNode input : inputs) {
                String idProperty = input.path("idProperty").asText("");
                String id = input.path("id").asText("");
                if (idProperty.isEmpty() || id.isEmpty()) {
                    throw SandboxException.validation("Each upsert input needs id and idProperty (a unique property such as "
                            + store.type().uniqueProperties() + ")");
                }
                if (!store.type().uniqueProperties().contains(idProperty)) {
                    throw SandboxException.validation("idProperty " + idProperty + " is not a unique property of "
                            + store.type().name() + "; unique properties are " + store.type().uniqueProperties());
                }
                if (!seen.add(idProperty + "=" + id.toLowerCase())) {
                    throw SandboxException.validation("Duplicate IDs found in batch input: [" + id + "]. IDs must be unique");
                }
                PropertyValidation.check(store.type(), SandboxJson.properties(input), state);
            }
            for (JsonNode input : inputs) {
                String idProperty = input.path("idProperty").asText();
                String id = input.path("id").asText();
                Map<String, String> props = new LinkedHashMap<>(SandboxJson.properties(input));
                props.put(idProperty, id);
                Optional<StoredObject> current = store.findByUnique(idProperty, id);
                StoredObject written = current.isPresent() ? state.update(store, current.get(), props)
                        : state.create(store, props);
                ObjectNode node = SandboxJson.object(written, null);
                node.put("new", current.isEmpty());
                results.add(node);
            }
        }
        return Answer.ok(SandboxJson.batchAnswer(results, List.of(), started));
    }

    Answer batchArchive(String objectType, JsonNode body) {
        ObjectStore store = state.store(objectType);
        List<JsonNode> inputs = SandboxJson.inputs(body, BATCH_LIMIT);
        synchronized (state) {
            for (JsonNode input : inputs) {
                ObjectStore.parseId(input.path("id").asText("")).flatMap(store::get)
                        .ifPresent(o -> state.archive(store, o));
            }
        }
        return Answer.noContent();
    }

    private Answer withMissing(ObjectType type, ArrayNode results, List<String> missing, Instant started, int okStatus) {
        if (missing.isEmpty()) {
            return new Answer(okStatus, SandboxJson.batchAnswer(results, List.of(), started));
        }
        ObjectNode error = SandboxJson.batchError("OBJECT_NOT_FOUND", "Could not get some " + singular(type).toUpperCase()
                + " objects, they may be deleted or not exist. Check that ids are valid.", missing, Map.of());
        return new Answer(207, SandboxJson.batchAnswer(results, List.of(error), started));
    }

    static List<String> requestedProperties(ObjectType type, JsonNode requested) {
        if (requested == null || requested.isMissingNode() || requested.isNull() || requested.size() == 0) {
            return type.defaultProperties();
        }
        List<String> out = new ArrayList<>();
        requested.forEach(p -> out.add(p.asText()));
        return out;
    }

    static String singular(ObjectType type) {
        return switch (type.name()) {
            case "companies" -> "Company";
            case "contacts" -> "Contact";
            default -> Character.toUpperCase(type.name().charAt(0)) + type.name().substring(1, type.name().length() - 1);
        };
    }
}
