package io.crmsync.imports;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.crmsync.api.ApiException;
import io.crmsync.api.ApiRequest;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import io.crmsync.imports.definition.ImportDefinition;
import io.crmsync.imports.definition.InvalidImportException;
import io.crmsync.segments.SegmentIgnoresImportMarkerException;
import io.crmsync.store.ImportJob;
import io.crmsync.store.ImportJobNotFoundException;
import io.crmsync.store.ImportJobStateException;
import io.crmsync.store.InvalidCursorException;
import io.crmsync.store.Page;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code /imports}: review, start, list, get and cancel imports; {@code /imports/objects}, {@code /imports/fields} and
 * {@code /imports/campaigns} list what a definition can import, filter on and which campaigns it can pick.
 */
@ApplicationScoped
public class ImportRoutes implements ApiRoutes {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;
    private static final Pattern IMPORT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final ImportService imports;
    private final ImportOptions options;

    ImportRoutes(ImportService imports, ImportOptions options) {
        this.imports = imports;
        this.options = options;
    }

    @Override
    public void register(RouteTable routes) {
        routes.post("/imports/review", guarded(r -> ApiResponse.ok(imports.review(r.bodyAs(ImportDefinition.class)))));
        routes.post("/imports", guarded(this::start));
        routes.get("/imports", guarded(this::list));
        routes.get("/imports/{id}", guarded(r -> ApiResponse.ok(imports.get(importId(r)))));
        routes.get("/imports/objects", r -> ApiResponse.ok(options.objects()));
        routes.get("/imports/fields", guarded(r -> ApiResponse.ok(options.filterFields(r.queryParam("object"),
                r.queryParam("customObject")))));
        routes.get("/imports/campaigns", guarded(r -> ApiResponse.ok(Map.of("campaigns", options.activeCampaigns()))));
        routes.post("/imports/{id}/cancel", guarded(r -> ApiResponse.accepted(imports.cancel(importId(r)))));
    }

    /** Import ids are UUIDs; anything else is refused before it reaches the table (whose keys cap their size). */
    private static String importId(ApiRequest request) {
        String id = request.pathParam("id");
        if (!IMPORT_ID.matcher(id).matches()) {
            throw ApiException.badRequest("INVALID_IMPORT_ID", "'" + (id.length() > 64 ? id.substring(0, 64) + "…" : id)
                    + "' is not an import id (the importId POST /imports answered).", "id");
        }
        return id;
    }

    private ApiResponse start(ApiRequest request) {
        ImportJob job = imports.start(request.bodyAs(ImportDefinition.class));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("importId", job.id());
        body.put("status", job.status().name());
        body.put("total", job.counters().total());
        return ApiResponse.accepted(body);
    }

    private ApiResponse list(ApiRequest request) {
        int limit = limit(request.queryParam("limit"));
        Page<ImportView> page = imports.list(Optional.ofNullable(request.queryParam("cursor")), limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("imports", page.items());
        body.put("nextCursor", page.cursor().orElse(null));
        return ApiResponse.ok(body);
    }

    private static int limit(String raw) {
        if (raw == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("INVALID_LIMIT", "limit must be a whole number from 1 to " + MAX_LIMIT + ".",
                "limit");
    }

    /** Turns the import domain's refusals into API errors; anything else is the router's 500. */
    private static Function<ApiRequest, ApiResponse> guarded(Function<ApiRequest, ApiResponse> handler) {
        return request -> {
            try {
                return handler.apply(request);
            } catch (InvalidImportException e) {
                throw ApiException.badRequest(e.code(), e.getMessage(), e.field());
            } catch (ImportJobNotFoundException e) {
                throw ApiException.notFound("IMPORT_NOT_FOUND", "No import " + request.pathParam("id") + ".");
            } catch (ImportJobStateException e) {
                throw ApiException.conflict("IMPORT_FINISHED", "Import " + request.pathParam("id") + " is "
                        + e.current() + " and can no longer be cancelled.");
            } catch (SegmentIgnoresImportMarkerException e) {
                throw new ApiException(409, "SEGMENT_IGNORES_IMPORT_MARKER", e.getMessage(), "syncToInclusionSegment");
            } catch (InvalidCursorException e) {
                throw ApiException.badRequest("INVALID_CURSOR", "The cursor is not one this API returned.", "cursor");
            }
        };
    }
}
