package io.crmsync.hubspot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.hubspot.model.Association;
import io.crmsync.hubspot.model.AssociationPair;
import io.crmsync.hubspot.model.BatchError;

/** Associations v4: default (unlabeled) associations in batches of 100, and batch reads. */
public final class HubSpotAssociations {

    private final HubSpotApi api;
    private final HubSpotTransport transport;
    private final ObjectMapper mapper;

    HubSpotAssociations(HubSpotApi api, HubSpotTransport transport, ObjectMapper mapper) {
        this.api = api;
        this.transport = transport;
        this.mapper = mapper;
    }

    /** Links each pair with the default association type; answers the per-input errors (e.g. unknown ids). */
    public List<BatchError> associateDefault(String fromType, String toType, List<AssociationPair> pairs) {
        List<BatchError> errors = new ArrayList<>();
        for (int from = 0; from < pairs.size(); from += HubSpotClient.BATCH_SIZE) {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            for (AssociationPair pair : pairs.subList(from, Math.min(pairs.size(), from + HubSpotClient.BATCH_SIZE))) {
                ObjectNode input = inputs.addObject();
                input.putObject("from").put("id", pair.fromId());
                input.putObject("to").put("id", pair.toId());
            }
            String json = body.toString();
            JsonNode answer = transport.call("associations.batch.associate-default",
                    () -> api.associateDefault(fromType, toType, json));
            errors.addAll(HubSpotReader.errors(answer));
        }
        return errors;
    }

    /** Removes every association between each pair (v4 {@code batch/archive}), 100 pairs per call. */
    public void archive(String fromType, String toType, List<AssociationPair> pairs) {
        for (int from = 0; from < pairs.size(); from += HubSpotClient.BATCH_SIZE) {
            ObjectNode body = mapper.createObjectNode();
            ArrayNode inputs = body.putArray("inputs");
            for (AssociationPair pair : pairs.subList(from, Math.min(pairs.size(), from + HubSpotClient.BATCH_SIZE))) {
                ObjectNode input = inputs.addObject();
                input.putObject("from").put("id", pair.fromId());
                input.putArray("to").addObject().put("id", pair.toId());
            }
            String json = body.toString();
            transport.call("associations.batch.archive", () -> api.associations(fromType, toType, "archive", json));
        }
    }

    /** The associations v4 batch read takes up to 1,000 inputs (writes take 100). */
    static final int READ_BATCH = 1_000;

    /** The associated records of each id, by from-id; ids without associations are absent. 1,000 ids per call. */
    public Map<String, List<Association>> read(String fromType, String toType, List<String> ids) {
        Map<String, List<Association>> out = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += READ_BATCH) {
            ObjectNode body = mapper.createObjectNode();
            ids.subList(from, Math.min(ids.size(), from + READ_BATCH))
                    .forEach(id -> body.withArray("inputs").addObject().put("id", id));
            String json = body.toString();
            JsonNode answer = transport.call("associations.batch.read",
                    () -> api.associations(fromType, toType, "read", json));
            for (JsonNode row : HubSpotReader.results("associations.batch.read", answer)) {
                String fromId = row.path("from").path("id").asText();
                List<Association> targets = new ArrayList<>();
                for (JsonNode to : row.path("to")) {
                    List<Association.AssociationType> types = new ArrayList<>();
                    to.path("associationTypes").forEach(t -> types.add(new Association.AssociationType(
                            t.path("category").asText(), t.path("typeId").asInt(),
                            t.path("label").isNull() ? null : t.path("label").asText())));
                    targets.add(new Association(to.path("toObjectId").asText(), types));
                }
                out.put(fromId, targets);
            }
        }
        return out;
    }
}
