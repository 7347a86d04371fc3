package io.crmsync.sandbox.hubspot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Associations v4: {@code /crm/v4/associations/{from}/{to}/batch/{associate/default|create|read}}. */
final class AssociationRoutes {

    private final SandboxState state;

    AssociationRoutes(SandboxState state) {
        this.state = state;
    }

    Answer associateDefault(String from, String to, JsonNode body) {
        return write(from, to, body, true);
    }

    Answer create(String from, String to, JsonNode body) {
        return write(from, to, body, false);
    }

    private Answer write(String from, String to, JsonNode body, boolean defaultType) {
        ObjectStore fromStore = state.store(from);
        ObjectStore toStore = state.store(to);
        String fromName = fromStore.type().name();
        String toName = toStore.type().name();
        List<JsonNode> inputs = SandboxJson.inputs(body, ObjectRoutes.BATCH_LIMIT);
        Instant started = state.now();
        ArrayNode results = SandboxJson.NODES.arrayNode();
        List<String> missing = new ArrayList<>();
        synchronized (state) {
            for (JsonNode input : inputs) {
                String fromId = input.path("from").path("id").asText("");
                String toId = input.path("to").path("id").asText("");
                var f = ObjectStore.parseId(fromId).flatMap(fromStore::get);
                var t = ObjectStore.parseId(toId).flatMap(toStore::get);
                if (f.isEmpty() || t.isEmpty()) {
                    missing.add(f.isEmpty() ? fromId : toId);
                    continue;
                }
                List<AssociationStore.Spec> specs = new ArrayList<>();
                if (defaultType) {
                    specs.add(new AssociationStore.Spec("HUBSPOT_DEFINED", AssociationStore.defaultTypeId(fromName, toName)));
                } else {
                    for (JsonNode type : input.path("types")) {
                        specs.add(new AssociationStore.Spec(type.path("associationCategory").asText("HUBSPOT_DEFINED"),
                                type.path("associationTypeId").asInt()));
                    }
                    if (specs.isEmpty()) {
                        throw SandboxException.validation("Each input needs at least one entry in types");
                    }
                }
                for (AssociationStore.Spec spec : specs) {
                    state.associations.associate(fromName, f.get().id(), toName, t.get().id(), spec);
                }
                state.webhooks.associationChanged(fromName, f.get().id(), toName, t.get().id(), false, state.now());
                results.add(defaultType ? defaultResult(fromId, toId, specs.get(0)) : labelResult(fromStore, toStore,
                        f.get().id(), t.get().id()));
            }
        }
        List<ObjectNode> errors = missing.isEmpty() ? List.of() : List.of(SandboxJson.batchError("OBJECT_NOT_FOUND",
                "One or more records to associate do not exist.", missing, Map.of()));
        return new Answer(errors.isEmpty() ? 200 : 207, SandboxJson.batchAnswer(results, errors, started));
    }

    /**
     * {@code batch/archive}: {@code {"inputs":[{"from":{"id"},"to":[{"id"}]}]}} removes all associations between each
     * pair; 204 with no body, as HubSpot answers. Unknown pairs are ignored.
     */
    Answer archive(String from, String to, JsonNode body) {
        String fromName = state.store(from).type().name();
        String toName = state.store(to).type().name();
        List<JsonNode> inputs = SandboxJson.inputs(body, ObjectRoutes.BATCH_LIMIT);
        synchronized (state) {
            for (JsonNode input : inputs) {
                long fromId = ObjectStore.parseId(input.path("from").path("id").asText("")).orElse(-1L);
                for (JsonNode target : input.path("to")) {
                    long toId = ObjectStore.parseId(target.path("id").asText("")).orElse(-1L);
                    if (!state.associations.read(fromName, fromId, toName).containsKey(toId)) {
                        continue;
                    }
                    state.associations.remove(fromName, fromId, toName, toId);
                    state.webhooks.associationChanged(fromName, fromId, toName, toId, true, state.now());
                }
            }
        }
        return Answer.noContent();
    }

    Answer read(String from, String to, JsonNode body) {
        ObjectStore fromStore = state.store(from);
        String fromName = fromStore.type().name();
        String toName = state.store(to).type().name();
        List<JsonNode> inputs = SandboxJson.inputs(body, 1000);
        Instant started = state.now();
        ArrayNode results = SandboxJson.NODES.arrayNode();
        synchronized (state) {
            for (JsonNode input : inputs) {
                long id = ObjectStore.parseId(input.path("id").asText("")).orElse(-1L);
                var edges = state.associations.read(fromName, id, toName);
                if (edges.isEmpty()) {
                    continue;
                }
                ObjectNode row = results.addObject();
                row.putObject("from").put("id", String.valueOf(id));
                ArrayNode toArray = row.putArray("to");
                edges.forEach((toId, specs) -> {
                    ObjectNode target = toArray.addObject();
                    target.put("toObjectId", toId);
                    ArrayNode types = target.putArray("associationTypes");
                    for (AssociationStore.Spec spec : specs) {
                        types.addObject().put("category", spec.category()).put("typeId", spec.typeId()).putNull("label");
                    }
                });
            }
        }
        return Answer.ok(SandboxJson.batchAnswer(results, List.of(), started));
    }

    private static ObjectNode defaultResult(String fromId, String toId, AssociationStore.Spec spec) {
        ObjectNode node = SandboxJson.NODES.objectNode();
        node.putObject("from").put("id", fromId);
        node.putObject("to").put("id", toId);
        node.putObject("associationSpec").put("associationCategory", spec.category())
                .put("associationTypeId", spec.typeId());
        return node;
    }

    private ObjectNode labelResult(ObjectStore from, ObjectStore to, long fromId, long toId) {
        ObjectNode node = SandboxJson.NODES.objectNode();
        node.put("fromObjectTypeId", from.type().objectTypeId());
        node.put("fromObjectId", fromId);
        node.put("toObjectTypeId", to.type().objectTypeId());
        node.put("toObjectId", toId);
        node.putArray("labels");
        return node;
    }

}
