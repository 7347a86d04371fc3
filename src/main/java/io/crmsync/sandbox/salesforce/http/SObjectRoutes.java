package io.crmsync.sandbox.salesforce.http;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.store.FieldValues;
import io.crmsync.sandbox.salesforce.store.SalesforceIds;
import io.crmsync.sandbox.salesforce.store.SandboxStore;
import io.crmsync.sandbox.salesforce.store.WriteError;
import io.vertx.ext.web.RoutingContext;

/** sObject REST: describe, single-record create/read/update/delete, getUpdated/getDeleted, and /limits. */
public final class SObjectRoutes {

    private static final Duration UPDATED_WINDOW = Duration.ofDays(30);
    private static final Duration DELETED_WINDOW = Duration.ofDays(15);
    private static final int MAX_REPLICATION_IDS = 600_000;

    private final SandboxStore store;
    private final ApiBudget budget;

    public SObjectRoutes(SandboxStore store, ApiBudget budget) {
        this.store = store;
        this.budget = budget;
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

    public void updated(RoutingContext ctx) {
        object(ctx).ifPresent(def -> window(ctx, UPDATED_WINDOW).ifPresent(w -> {
            List<String> ids = store.updatedBetween(def, w[0], w[1]);
            if (ids.size() > MAX_REPLICATION_IDS) {
                Responses.error(ctx, 400, "EXCEEDED_ID_LIMIT", "too many ids: narrow the date range");
                return;
            }
            ObjectNode body = Responses.JSON.createObjectNode();
            ids.forEach(body.putArray("ids")::add);
            body.put("latestDateCovered", FieldValues.DATETIME_OUT.format(w[1]));
            Responses.json(ctx, 200, body);
        }));
    }

    public void deleted(RoutingContext ctx) {
        object(ctx).ifPresent(def -> window(ctx, DELETED_WINDOW).ifPresent(w -> {
            ObjectNode body = Responses.JSON.createObjectNode();
            var list = body.putArray("deletedRecords");
            store.deletedBetween(def, w[0], w[1]).forEach((id, at) -> {
                ObjectNode entry = list.addObject();
                entry.put("id", id);
                entry.put("deletedDate", FieldValues.DATETIME_OUT.format(at));
            });
            Instant earliest = store.now().minus(DELETED_WINDOW).truncatedTo(ChronoUnit.MINUTES);
            body.put("earliestDateAvailable", FieldValues.DATETIME_OUT.format(earliest));
            body.put("latestDateCovered", FieldValues.DATETIME_OUT.format(w[1]));
            Responses.json(ctx, 200, body);
        }));
    }

    public void limits(RoutingContext ctx) {
        ObjectNode body = Responses.JSON.createObjectNode();
        limit(body, "DailyApiRequests", budget.dailyLimit(), budget.remaining());
        limit(body, "DailyBulkApiBatches", 15_000, 15_000);
        limit(body, "DailyBulkV2QueryJobs", 10_000, 10_000);
        limit(body, "ConcurrentPerOrgLongTxn", 25, 25);
        limit(body, "DataStorageMB", 1024, 1024);
        Responses.json(ctx, 200, body);
    }

    private static void limit(ObjectNode body, String name, long max, long remaining) {
        ObjectNode n = body.putObject(name);
        n.put("Max", max);
        n.put("Remaining", remaining);
    }

    /**
     * start/end of a replication call, seconds dropped (Salesforce works in whole minutes), end capped at now;
     * answers INVALID_REPLICATION_DATE as Salesforce does when the window is backwards or too old.
     */
    private Optional<Instant[]> window(RoutingContext ctx, Duration maxAge) {
        Instant start;
        Instant end;
        try {
            start = FieldValues.parseDateTime(ctx.request().getParam("start")).truncatedTo(ChronoUnit.MINUTES);
            end = FieldValues.parseDateTime(ctx.request().getParam("end")).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException | NullPointerException e) {
            Responses.error(ctx, 400, "INVALID_REPLICATION_DATE", "start and end must be ISO-8601 date-times");
            return Optional.empty();
        }
        Instant now = store.now().truncatedTo(ChronoUnit.MINUTES);
        if (end.isAfter(now)) {
            end = now;
        }
        if (!start.isBefore(end)) {
            Responses.error(ctx, 400, "INVALID_REPLICATION_DATE", "startDate must chronologically precede endDate");
            return Optional.empty();
        }
        if (start.isBefore(now.minus(maxAge))) {
            Responses.error(ctx, 400, "INVALID_REPLICATION_DATE",
                    "startDate cannot be more than " + maxAge.toDays() + " days ago");
            return Optional.empty();
        }
        return Optional.of(new Instant[] { start, end });
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
