package io.crmsync.sandbox.salesforce.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.events.ChangeDataCapture;
import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.store.FieldValues;
import io.crmsync.sandbox.salesforce.store.SalesforceIds;
import io.crmsync.sandbox.salesforce.store.SandboxStore;
import io.crmsync.sandbox.salesforce.store.WriteError;
import io.vertx.ext.web.RoutingContext;

/** sObject REST: describe, single-record create/read/update/upsert/delete, and /limits. */
public final class SObjectRoutes {

    private final SandboxStore store;
    private final ApiBudget budget;
    private final ChangeDataCapture changeEvents;

    public SObjectRoutes(SandboxStore store, ApiBudget budget, ChangeDataCapture changeEvents) {
        this.store = store;
        this.budget = budget;
        this.changeEvents = changeEvents;
    }

    public void describeGlobal(RoutingContext ctx) {
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("encoding", "UTF-8");
        body.put("maxBatchSize", 200);
        var list = body.putArray("sobjects");
        for (ObjectDef def : store.schema().objects()) {
            ObjectNode o = list.addObject();
            o.put("name", def.name());
            o.put("label", def.label());
            o.put("keyPrefix", def.keyPrefix());
            o.put("custom", def.custom());
            o.put("queryable", true);
            o.put("replicateable", true);
        }
        Responses.json(ctx, 200, body);
    }

    public void describe(RoutingContext ctx) {
        object(ctx).ifPresent(def -> Responses.json(ctx, 200, RecordJson.describe(def, ctx.pathParam("version"))));
    }

    public void create(RoutingContext ctx) {
        object(ctx).ifPresent(def -> {
            JsonNode body = body(ctx);
            if (body == null) {
                return;
            }
            try {
                if (body.has("Id") || body.has("id")) {
                    throw new WriteError("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call",
                            List.of("Id")).toException();
                }
                String id = store.create(def, RecordJson.fields(def, body));
                ObjectNode result = Responses.JSON.createObjectNode();
                result.put("id", id);
                result.put("success", true);
                result.putArray("errors");
                Responses.json(ctx, 201, result);
            } catch (WriteError.WriteException e) {
                writeError(ctx, e.error());
            }
        });
    }

    public void read(RoutingContext ctx) {
        object(ctx).ifPresent(def -> {
            Map<String, Object> stored = SalesforceIds.looksLikeId(ctx.pathParam("id"))
                    ? store.get(def, ctx.pathParam("id")) : null;
            if (stored == null) {
                Responses.notFound(ctx);
                return;
            }
            Map<String, Object> view = store.withFormulas(def, stored);
            String fieldsParam = ctx.request().getParam("fields");
            Map<String, Object> selected = new java.util.LinkedHashMap<>();
            if (fieldsParam == null) {
                def.fields().forEach(f -> selected.put(f.name(), view.get(f.name())));
            } else {
                for (String name : fieldsParam.split(",")) {
                    Optional<FieldDef> field = def.field(name.trim());
                    if (field.isEmpty()) {
                        Responses.error(ctx, 400, "INVALID_FIELD", "No such column '" + name.trim()
                                + "' on sobject of type " + def.name());
                        return;
                    }
                    selected.put(field.get().name(), view.get(field.get().name()));
                }
            }
            Responses.json(ctx, 200, RecordJson.toJson(def, ctx.pathParam("version"), stored.get("Id").toString(),
                    selected));
        });
    }

    public void update(RoutingContext ctx) {
        object(ctx).ifPresent(def -> {
            JsonNode body = body(ctx);
            if (body == null) {
                return;
            }
            try {
                store.update(def, ctx.pathParam("id"), RecordJson.fields(def, body));
                Responses.noContent(ctx);
            } catch (WriteError.WriteException e) {
                writeError(ctx, e.error());
            }
        });
    }

    /** {@code PATCH /sobjects/{type}/{externalIdField}/{value}}: 201 with created=true, or 200 with created=false. */
    public void upsertByExternalId(RoutingContext ctx) {
        object(ctx).ifPresent(def -> {
            Optional<FieldDef> key = def.field(ctx.pathParam("field")).filter(FieldDef::externalId);
            if (key.isEmpty()) {
                Responses.error(ctx, 400, "INVALID_FIELD", "Field name provided, " + ctx.pathParam("field")
                        + " is not an External ID or indexed field for " + def.name());
                return;
            }
            JsonNode body = body(ctx);
            if (body == null) {
                return;
            }
            String value = ctx.pathParam("value");
            try {
                Map<String, Object> fields = new java.util.LinkedHashMap<>(RecordJson.fields(def, body));
                fields.remove(key.get().name());
                String existing = store.externalIdIndex(def, key.get()).get(value.toLowerCase(java.util.Locale.ROOT));
                boolean created = existing == null;
                String id;
                if (created) {
                    fields.put(key.get().name(), FieldValues.fromJson(key.get(), Responses.JSON.getNodeFactory()
                            .textNode(value)));
                    id = store.create(def, fields);
                } else {
                    store.update(def, existing, fields);
                    id = existing;
                }
                ObjectNode result = Responses.JSON.createObjectNode();
                result.put("id", id);
                result.put("success", true);
                result.putArray("errors");
                result.put("created", created);
                Responses.json(ctx, created ? 201 : 200, result);
            } catch (WriteError.WriteException e) {
                writeError(ctx, e.error());
            }
        });
    }

    public void delete(RoutingContext ctx) {
        object(ctx).ifPresent(def -> {
            try {
                store.delete(def, ctx.pathParam("id"));
                Responses.noContent(ctx);
            } catch (WriteError.WriteException e) {
                writeError(ctx, e.error());
            }
        });
    }

    public void limits(RoutingContext ctx) {
        ObjectNode body = Responses.JSON.createObjectNode();
        limit(body, "DailyApiRequests", budget.dailyLimit(), budget.remaining());
        limit(body, "DailyBulkApiBatches", 15_000, 15_000);
        limit(body, "DailyBulkV2QueryJobs", 10_000, 10_000);
        limit(body, "ConcurrentPerOrgLongTxn", 25, 25);
        limit(body, "DataStorageMB", 1024, 1024);
        // change events delivered to subscribers (Event Relay included) in the rolling 24 hours
        limit(body, "DailyDeliveredPlatformEvents", changeEvents.deliveryAllocation(),
                Math.max(0, changeEvents.deliveryAllocation() - changeEvents.delivered()));
        Responses.json(ctx, 200, body);
    }

    private static void limit(ObjectNode body, String name, long max, long remaining) {
        ObjectNode n = body.putObject(name);
        n.put("Max", max);
        n.put("Remaining", remaining);
    }

    Optional<ObjectDef> object(RoutingContext ctx) {
        Optional<ObjectDef> def = store.schema().object(ctx.pathParam("type"));
        if (def.isEmpty()) {
            Responses.error(ctx, 404, "NOT_FOUND", "The requested resource does not exist");
        }
        return def;
    }

    static JsonNode body(RoutingContext ctx) {
        try {
            return Responses.JSON.readTree(ctx.body().asString());
        } catch (Exception e) {
            Responses.error(ctx, 400, "JSON_PARSER_ERROR", "The request body is not valid JSON");
            return null;
        }
    }

    static void writeError(RoutingContext ctx, WriteError error) {
        int status = error.statusCode().equals("INVALID_CROSS_REFERENCE_KEY")
                || error.statusCode().equals("ENTITY_IS_DELETED") ? 404 : 400;
        Responses.error(ctx, status, error.statusCode(), error.message(), error.fields());
    }
}
