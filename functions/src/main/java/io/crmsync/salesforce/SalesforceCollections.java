package io.crmsync.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.salesforce.error.InvalidResponseException;
import io.crmsync.salesforce.http.SalesforceTransport;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.model.SaveResult;
import io.crmsync.salesforce.soql.SoqlValidationException;

/**
 * sObject Collections: create, update, upsert and delete in calls of 200 records (one API call each), retrieve in
 * calls of 2,000 Ids. {@code allOrNone} is false: each record succeeds or fails alone, and results come back in
 * the order the records were given.
 */
public final class SalesforceCollections {

    public static final int MAX_WRITE = 200;
    public static final int MAX_RETRIEVE = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SalesforceTransport transport;
    private final Function<String, Describe> describes;

    SalesforceCollections(SalesforceTransport transport, Function<String, Describe> describes) {
        this.transport = transport;
        this.describes = describes;
    }

    public List<SaveResult> create(List<SObject> records) {
        return inChunks(records, chunk -> transport.call("collections.create",
                (api, auth) -> api.create(auth, transport.apiVersion(), body(chunk, false))));
    }

    public List<SaveResult> update(List<SObject> records) {
        return inChunks(records, chunk -> transport.call("collections.update",
                (api, auth) -> api.update(auth, transport.apiVersion(), body(chunk, true))));
    }

    /** Creates or updates by an external-Id field; results carry {@code created}. All records of one type. */
    public List<SaveResult> upsert(String sobject, String externalIdField, List<SObject> records) {
        Describe d = describes.apply(sobject);
        String field = d.field(externalIdField).filter(f -> f.externalId()).orElseThrow(() ->
                new SoqlValidationException(d.name() + "." + externalIdField + " is not an external Id field"))
                .name();
        records.forEach(r -> {
            if (!r.type().equalsIgnoreCase(d.name())) {
                throw new IllegalArgumentException("upsert of " + d.name() + " got a " + r.type());
            }
        });
        return inChunks(records, chunk -> transport.call("collections.upsert",
                (api, auth) -> api.upsert(auth, transport.apiVersion(), d.name(), field, body(chunk, false))));
    }

    public List<SaveResult> delete(List<String> ids) {
        List<SaveResult> results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_WRITE) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + MAX_WRITE));
            chunk.forEach(SalesforceCollections::checkId);
            JsonNode body = transport.call("collections.delete",
                    (api, auth) -> api.delete(auth, transport.apiVersion(), String.join(",", chunk), false));
            results.addAll(results(body, chunk.size()));
        }
        return results;
    }

    /** Records by Id, in the order asked; empty where the Id matches nothing. */
    public List<Optional<SObject>> retrieve(String sobject, List<String> ids, List<String> fields) {
        Describe d = describes.apply(sobject);
        List<String> canonical = fields.stream().map(f -> d.field(f).orElseThrow(() ->
                new SoqlValidationException("No field '" + f + "' on " + d.name())).name()).toList();
        List<Optional<SObject>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += MAX_RETRIEVE) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + MAX_RETRIEVE));
            chunk.forEach(SalesforceCollections::checkId);
            ObjectNode request = JSON.createObjectNode();
            chunk.forEach(request.putArray("ids")::add);
            canonical.forEach(request.putArray("fields")::add);
            JsonNode body = transport.call("collections.retrieve",
                    (api, auth) -> api.retrieve(auth, transport.apiVersion(), d.name(), request));
            if (!body.isArray() || body.size() != chunk.size()) {
                throw new InvalidResponseException("retrieve answered " + body.size() + " rows for " + chunk.size()
                        + " Ids");
            }
            body.forEach(n -> out.add(n.isNull() ? Optional.empty() : Optional.of(SObject.fromJson(n, d.name()))));
        }
        return out;
    }

    private List<SaveResult> inChunks(List<SObject> records, Function<List<SObject>, JsonNode> send) {
        List<SaveResult> results = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i += MAX_WRITE) {
            List<SObject> chunk = records.subList(i, Math.min(records.size(), i + MAX_WRITE));
            results.addAll(results(send.apply(chunk), chunk.size()));
        }
        return results;
    }

    private static ObjectNode body(List<SObject> records, boolean withId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("allOrNone", false);
        ArrayNode list = body.putArray("records");
        records.forEach(r -> list.add(r.toJson(withId)));
        return body;
    }

    private static List<SaveResult> results(JsonNode body, int expected) {
        if (!body.isArray() || body.size() != expected) {
            throw new InvalidResponseException("Collections answered " + (body.isArray() ? body.size() : 0)
                    + " results for " + expected + " records");
        }
        List<SaveResult> out = new ArrayList<>(expected);
        for (JsonNode n : body) {
            try {
                out.add(JSON.treeToValue(n, SaveResult.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InvalidResponseException("A Collections result is not in the expected shape");
            }
        }
        return out;
    }

    private static void checkId(String id) {
        if (id == null || !id.matches("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?")) {
            throw new IllegalArgumentException("Not a Salesforce Id: " + id);
        }
    }
}
