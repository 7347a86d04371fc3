package io.crmsync.sandbox.salesforce.http;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.soql.QueryEngine;
import io.crmsync.sandbox.salesforce.soql.SoqlException;
import io.crmsync.sandbox.salesforce.soql.SoqlParser;
import io.crmsync.sandbox.salesforce.soql.SoqlQuery;
import io.crmsync.sandbox.salesforce.store.SandboxStore;
import io.vertx.ext.web.RoutingContext;

/** {@code GET /query?q=} and {@code GET /query/{locator}}: pages of at most 2,000 rows linked by nextRecordsUrl. */
public final class QueryRoutes {

    public static final int MAX_BATCH = 2000;
    private static final int MIN_BATCH = 200;

    private final SandboxStore store;
    private final QueryCursors cursors;

    public QueryRoutes(SandboxStore store, QueryCursors cursors) {
        this.store = store;
        this.cursors = cursors;
    }

    public void query(RoutingContext ctx) {
        String soql = ctx.request().getParam("q");
        if (soql == null || soql.isBlank()) {
            Responses.error(ctx, 400, "MALFORMED_QUERY", "A query string has to be specified");
            return;
        }
        SoqlQuery parsed;
        try {
            parsed = SoqlParser.parse(soql, store.schema());
        } catch (SoqlException e) {
            Responses.error(ctx, 400, e.errorCode(), e.getMessage());
            return;
        }
        QueryEngine.Rows rows = QueryEngine.run(parsed, store);
        if (parsed.count()) {
            ObjectNode body = Responses.JSON.createObjectNode();
            body.put("totalSize", rows.count());
            body.put("done", true);
            body.putArray("records");
            Responses.json(ctx, 200, body);
            return;
        }
        QueryCursors.Cursor cursor = new QueryCursors.Cursor(parsed.object(), rows.rows(), batchSize(ctx));
        page(ctx, null, cursor, 0);
    }

    public void queryMore(RoutingContext ctx) {
        String locator = ctx.pathParam("locator");
        int dash = locator.lastIndexOf('-');
        QueryCursors.Cursor cursor = dash > 0 ? cursors.get(locator.substring(0, dash)) : null;
        int offset;
        try {
            offset = dash > 0 ? Integer.parseInt(locator.substring(dash + 1)) : -1;
        } catch (NumberFormatException e) {
            offset = -1;
        }
        if (cursor == null || offset < 0 || offset > cursor.rows().size()) {
            Responses.error(ctx, 400, "INVALID_QUERY_LOCATOR", "invalid query locator");
            return;
        }
        page(ctx, locator.substring(0, dash), cursor, offset);
    }

    private void page(RoutingContext ctx, String cursorId, QueryCursors.Cursor cursor, int offset) {
        String version = ctx.pathParam("version");
        List<Map<String, Object>> all = cursor.rows();
        int end = Math.min(all.size(), offset + cursor.batchSize());
        ObjectNode body = Responses.JSON.createObjectNode();
        body.put("totalSize", all.size());
        boolean done = end >= all.size();
        body.put("done", done);
        if (!done) {
            String id = cursorId != null ? cursorId : cursors.open(cursor);
            body.put("nextRecordsUrl", "/services/data/" + version + "/query/" + id + "-" + end);
        } else if (cursorId != null) {
            cursors.close(cursorId);
        }
        ArrayNode records = body.putArray("records");
        ObjectDef def = cursor.object();
        for (Map<String, Object> row : all.subList(offset, end)) {
            records.add(RecordJson.toJson(def, version, row.get("__id").toString(), row));
        }
        Responses.json(ctx, 200, body);
    }

    /** {@code Sforce-Query-Options: batchSize=N}, 200 to 2,000; Salesforce treats it as a hint, so does the sandbox. */
    private static int batchSize(RoutingContext ctx) {
        String options = ctx.request().getHeader("Sforce-Query-Options");
        if (options != null) {
            for (String part : options.split(",")) {
                String[] kv = part.trim().split("=");
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("batchSize")) {
                    try {
                        return Math.max(MIN_BATCH, Math.min(MAX_BATCH, Integer.parseInt(kv[1].trim())));
                    } catch (NumberFormatException e) {
                        return MAX_BATCH;
                    }
                }
            }
        }
        return MAX_BATCH;
    }
}
