package io.crmsync.sandbox.salesforce.http;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.store.SalesforceIds;
import io.crmsync.sandbox.salesforce.store.SandboxStore;
import io.vertx.ext.web.RoutingContext;

/** sObject Collections retrieve: up to 2,000 records by Id, in the order asked, {@code null} where none. */
public final class CollectionsRetrieve {

    private static final int MAX_RETRIEVE = 2000;

    private final SandboxStore store;

    public CollectionsRetrieve(SandboxStore store) {
        this.store = store;
    }

    /** GET ?ids=&fields= or POST {"ids":[...],"fields":[...]}: records in Id order given, null where none. */
    public void retrieve(RoutingContext ctx) {
        Optional<ObjectDef> found = store.schema().object(ctx.pathParam("type"));
        if (found.isEmpty()) {
            Responses.notFound(ctx);
            return;
        }
        ObjectDef def = found.get();
        List<String> ids = new ArrayList<>();
        List<String> fieldNames = new ArrayList<>();
        if (ctx.request().method().name().equals("POST")) {
            JsonNode body = SObjectRoutes.body(ctx);
            if (body == null) {
                return;
            }
            body.path("ids").forEach(n -> ids.add(n.asText()));
            body.path("fields").forEach(n -> fieldNames.add(n.asText()));
        } else {
            Optional.ofNullable(ctx.request().getParam("ids")).ifPresent(s -> ids.addAll(Arrays.asList(s.split(","))));
            Optional.ofNullable(ctx.request().getParam("fields"))
                    .ifPresent(s -> fieldNames.addAll(Arrays.asList(s.split(","))));
        }
        if (ids.size() > MAX_RETRIEVE) {
            Responses.error(ctx, 400, "EXCEEDED_ID_LIMIT", "Maximum number of ids is " + MAX_RETRIEVE);
            return;
        }
        List<FieldDef> fields = new ArrayList<>();
        for (String name : fieldNames) {
            Optional<FieldDef> f = def.field(name.trim());
            if (f.isEmpty()) {
                Responses.error(ctx, 400, "INVALID_FIELD", "No such column '" + name.trim() + "' on entity '"
                        + def.name() + "'");
                return;
            }
            fields.add(f.get());
        }
        if (fields.isEmpty()) {
            Responses.error(ctx, 400, "MISSING_ARGUMENT", "fields is required");
            return;
        }
        ArrayNode out = Responses.JSON.createArrayNode();
        for (String id : ids) {
            Map<String, Object> stored = SalesforceIds.looksLikeId(id.trim()) ? store.get(def, id.trim()) : null;
            if (stored == null) {
                out.addNull();
                continue;
            }
            Map<String, Object> view = store.withFormulas(def, stored);
            Map<String, Object> selected = new java.util.LinkedHashMap<>();
            fields.forEach(f -> selected.put(f.name(), view.get(f.name())));
            out.add(RecordJson.toJson(def, ctx.pathParam("version"), stored.get("Id").toString(), selected));
        }
        Responses.json(ctx, 200, out);
    }

}
