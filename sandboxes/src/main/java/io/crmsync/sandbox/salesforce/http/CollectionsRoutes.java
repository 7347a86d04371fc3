package io.crmsync.sandbox.salesforce.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.store.SalesforceIds;
import io.crmsync.sandbox.salesforce.store.SandboxStore;
import io.crmsync.sandbox.salesforce.store.WriteError;
import io.vertx.ext.web.RoutingContext;

/**
 * sObject Collections writes: create, update, upsert (by external Id) and delete, 200 records per call. Per-record results come back in request order, failures carrying {@code statusCode}. With allOrNone, one
 * failure undoes the lot and the others report ALL_OR_NONE_OPERATION_ROLLED_BACK.
 */
public final class CollectionsRoutes {

    public static final int MAX_RECORDS = 200;

    private final SandboxStore store;

    public CollectionsRoutes(SandboxStore store) {
        this.store = store;
    }

    private enum Op { CREATE, UPDATE, UPSERT }

    /** What one record's save did, so all-or-none can undo it. */
    private record Applied(ObjectDef def, String id, Map<String, Object> previous) {
    }

    public void create(RoutingContext ctx) {
        save(ctx, Op.CREATE, null, null);
    }

    public void update(RoutingContext ctx) {
        save(ctx, Op.UPDATE, null, null);
    }

    public void upsert(RoutingContext ctx) {
        Optional<ObjectDef> def = store.schema().object(ctx.pathParam("type"));
        if (def.isEmpty()) {
            Responses.notFound(ctx);
            return;
        }
        Optional<FieldDef> key = def.get().field(ctx.pathParam("field")).filter(FieldDef::externalId);
        if (key.isEmpty()) {
            Responses.error(ctx, 400, "INVALID_FIELD", "Field name provided, " + ctx.pathParam("field")
                    + " is not an External ID or indexed field for " + def.get().name());
            return;
        }
        save(ctx, Op.UPSERT, def.get(), key.get());
    }

    private void save(RoutingContext ctx, Op op, ObjectDef upsertType, FieldDef upsertKey) {
        JsonNode body = SObjectRoutes.body(ctx);
        if (body == null) {
            return;
        }
        JsonNode records = body.get("records");
        if (records == null || !records.isArray()) {
            Responses.error(ctx, 400, "JSON_PARSER_ERROR", "The request body must have a records array");
            return;
        }
        if (records.size() > MAX_RECORDS) {
            Responses.error(ctx, 400, "EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call");
            return;
        }
        boolean allOrNone = body.path("allOrNone").asBoolean(false);
        applyEach(ctx, records, allOrNone, (record, result) -> saveOne(op, record, upsertType, upsertKey, result));
    }

    /**
     * Applies each record in order, one result per record in request order; with {@code allOrNone}, one failure
     * rolls back the records already applied, as Salesforce does.
     */
    private <T> void applyEach(RoutingContext ctx, Iterable<T> records, boolean allOrNone,
            BiFunction<T, ObjectNode, Applied> applyOne) {
        ArrayNode results = Responses.JSON.createArrayNode();
        List<Applied> applied = new ArrayList<>();
        boolean failed = false;
        synchronized (store) {
            for (T record : records) {
                ObjectNode result = results.addObject();
                try {
                    applied.add(applyOne.apply(record, result));
                    result.put("success", true);
                    result.putArray("errors");
                } catch (WriteError.WriteException e) {
                    failed = true;
                    applied.add(null);
                    result.put("success", false);
                    addError(result.putArray("errors"), e.error());
                }
            }
            if (allOrNone && failed) {
                rollBack(applied, results);
            }
        }
        Responses.json(ctx, 200, results);
    }

    private Applied saveOne(Op op, JsonNode record, ObjectDef upsertType, FieldDef upsertKey, ObjectNode result) {
        String typeName = record.path("attributes").path("type").asText(null);
        if (typeName == null && upsertType == null) {
            throw new WriteError("INVALID_TYPE", "attributes.type is required for every record", List.of())
                    .toException();
        }
        ObjectDef def = upsertType != null ? upsertType : store.schema().object(typeName).orElseThrow(
                () -> new WriteError("INVALID_TYPE", "sObject type '" + typeName + "' is not supported.", List.of())
                        .toException());
        JsonNode idNode = record.has("id") ? record.get("id") : record.get("Id");
        String id = idNode == null || idNode.isNull() ? null : idNode.asText();
        if (op == Op.CREATE) {
            if (id != null) {
                throw new WriteError("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call",
                        List.of("Id")).toException();
            }
            String created = store.create(def, RecordJson.fields(def, record));
            result.put("id", created);
            return new Applied(def, created, null);
        }
        if (op == Op.UPDATE) {
            if (id == null) {
                throw new WriteError("MISSING_ARGUMENT", "Id not specified in an update call", List.of())
                        .toException();
            }
            result.put("id", SalesforceIds.looksLikeId(id) ? SalesforceIds.to18(id) : id);
            Map<String, Object> previous = store.update(def, id, RecordJson.fields(def, record));
            return new Applied(def, previous.get("Id").toString(), previous);
        }
        Map<String, Object> fields = RecordJson.fields(def, record);
        Object keyValue = fields.get(upsertKey.name());
        if (keyValue == null) {
            throw new WriteError("MISSING_ARGUMENT", upsertKey.name() + " not specified", List.of(upsertKey.name()))
                    .toException();
        }
        String existing = store.externalIdIndex(def, upsertKey).get(keyValue.toString().toLowerCase(java.util.Locale.ROOT));
        if (existing == null) {
            String created = store.create(def, fields);
            result.put("id", created);
            result.put("created", true);
            return new Applied(def, created, null);
        }
        fields.remove(upsertKey.name());
        result.put("id", existing);
        result.put("created", false);
        Map<String, Object> previous = store.update(def, existing, fields);
        return new Applied(def, existing, previous);
    }

    private void rollBack(List<Applied> applied, ArrayNode results) {
        for (int i = applied.size() - 1; i >= 0; i--) {
            Applied a = applied.get(i);
            if (a == null) {
                continue;
            }
            store.restore(a.def(), a.id(), a.previous());
            ObjectNode result = (ObjectNode) results.get(i);
            result.put("success", false);
            result.remove("created");
            if (a.previous() == null) {
                result.remove("id");
            }
            ArrayNode errors = result.putArray("errors");
            addError(errors, new WriteError("ALL_OR_NONE_OPERATION_ROLLED_BACK", "Record rolled back because not "
                    + "all records were valid and the request was using AllOrNone header", List.of()));
        }
    }

    public void delete(RoutingContext ctx) {
        String idsParam = ctx.request().getParam("ids");
        List<String> ids = idsParam == null || idsParam.isBlank() ? List.of() : Arrays.asList(idsParam.split(","));
        if (ids.size() > MAX_RECORDS) {
            Responses.error(ctx, 400, "EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + MAX_RECORDS + " records into this call");
            return;
        }
        boolean allOrNone = Boolean.parseBoolean(ctx.request().getParam("allOrNone"));
        applyEach(ctx, ids, allOrNone, (raw, result) -> {
            String id = raw.trim();
            result.put("id", id);
            ObjectDef def = store.schema().byKeyPrefix(id).orElseThrow(() -> new WriteError("MALFORMED_ID",
                    "malformed id " + id, List.of()).toException());
            Map<String, Object> previous = store.delete(def, id);
            return new Applied(def, previous.get("Id").toString(), previous);
        });
    }

    static void addError(ArrayNode errors, WriteError error) {
        ObjectNode e = errors.addObject();
        e.put("statusCode", error.statusCode());
        e.put("message", error.message());
        error.fields().forEach(e.putArray("fields")::add);
    }
}
