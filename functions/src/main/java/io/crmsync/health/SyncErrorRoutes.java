package io.crmsync.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.crmsync.api.ApiException;
import io.crmsync.api.ApiRequest;
import io.crmsync.api.ApiResponse;
import io.crmsync.api.ApiRoutes;
import io.crmsync.api.RouteTable;
import io.crmsync.settings.ObjectPairs;
import io.crmsync.store.InvalidCursorException;
import io.crmsync.store.Page;
import io.crmsync.store.SyncError;
import io.crmsync.store.SyncErrorRepository;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.poll.FanOut;
import io.crmsync.sync.worker.ErrorCategory;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sync Health's errors: {@code GET /sync-errors} lists open errors grouped by category with counts, {@code POST
 * /sync-errors/retry} queues the errored records for the sync worker now. A retried record that syncs has its errors
 * resolved by the worker (reason RETRY), which takes it off the open list.
 */
@ApplicationScoped
public class SyncErrorRoutes implements ApiRoutes {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    static final int MAX_RETRY_IDS = 1_000;

    private final SyncErrorRepository errors;
    private final ObjectPairs objects;
    private final FanOut fanOut;

    SyncErrorRoutes(SyncErrorRepository errors, ObjectPairs objects, FanOut fanOut) {
        this.errors = errors;
        this.objects = objects;
        this.fanOut = fanOut;
    }

    @Override
    public void register(RouteTable routes) {
        routes.get("/sync-errors", this::list).post("/sync-errors/retry", this::retry);
    }

    @RegisterForReflection
    public record CategoryGroup(String category, long count, List<SyncErrorView> errors) {
    }

    @RegisterForReflection
    public record ObjectErrors(String object, long open, List<CategoryGroup> categories, String nextCursor) {
    }

    @RegisterForReflection
    public record RetryRequest(List<String> ids, String object, String category) {
    }

    @RegisterForReflection
    public record RetryQueued(long records, long batches, List<String> ids) {
    }

    private ApiResponse list(ApiRequest request) {
        Optional<String> object = param(request, "object");
        Optional<String> category = param(request, "category").map(SyncErrorRoutes::category);
        Optional<String> cursor = param(request, "cursor");
        int limit = limit(param(request, "limit"));
        object.ifPresent(this::requireObject);
        if (cursor.isPresent() && object.isEmpty()) {
            throw ApiException.badRequest("CURSOR_NEEDS_OBJECT", "A cursor pages one object's errors: pass the same "
                    + "object as for the first page.", "cursor");
        }
        List<String> listed = object.map(List::of).orElseGet(() -> List.copyOf(objects.all().keySet()).stream()
                .sorted().toList());
        List<ObjectErrors> out = new ArrayList<>();
        for (String o : listed) {
            out.add(objectErrors(o, category, cursor, limit));
        }
        return ApiResponse.ok(Map.of("objects", out));
    }

    private ObjectErrors objectErrors(String object, Optional<String> category, Optional<String> cursor, int limit) {
        Map<String, Long> counts = errors.countOpenByCategory(object);
        Page<SyncError> page;
        try {
            page = errors.listOpen(object, category, cursor, limit);
        } catch (InvalidCursorException e) {
            throw ApiException.badRequest("INVALID_CURSOR", "This cursor does not belong to a " + object
                    + " errors listing: " + e.getMessage(), "cursor");
        }
        Map<String, List<SyncErrorView>> byCategory = new LinkedHashMap<>();
        page.items().forEach(e -> byCategory.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(SyncErrorView.of(e)));
        List<CategoryGroup> groups = new ArrayList<>();
        counts.forEach((cat, count) -> {
            if (category.isEmpty() || category.get().equals(cat)) {
                groups.add(new CategoryGroup(cat, count, byCategory.getOrDefault(cat, List.of())));
            }
        });
        long open = groups.stream().mapToLong(CategoryGroup::count).sum();
        return new ObjectErrors(object, open, groups, page.cursor().orElse(null));
    }

    private ApiResponse retry(ApiRequest request) {
        RetryRequest body = request.bodyAs(RetryRequest.class);
        boolean byIds = body.ids() != null;
        if (byIds == (body.object() != null || body.category() != null)) {
            throw ApiException.badRequest("RETRY_WHAT", "Give either \"ids\" (from GET /sync-errors) or \"object\" "
                    + "with an optional \"category\".", null);
        }
        List<SyncError> chosen = byIds ? byIds(body.ids()) : byCategory(body.object(), body.category());
        Map<String, Set<SyncBatchMessage.RecordRef>> refsByObject = new LinkedHashMap<>();
        for (SyncError e : chosen) {
            // By HubSpot id when there is one: the worker resolves the pairing and partner from it.
            var ref = new SyncBatchMessage.RecordRef(e.hubspotId(), e.hubspotId() == null ? e.salesforceId() : null);
            refsByObject.computeIfAbsent(e.objectType(), k -> new LinkedHashSet<>()).add(ref);
        }
        long batches = 0;
        String prefix = "retry-" + UUID.randomUUID().toString().substring(0, 8);
        for (var entry : refsByObject.entrySet()) {
            batches += fanOut.send(entry.getKey(), "RETRY", prefix + "-" + entry.getKey(), List.copyOf(entry.getValue()));
        }
        long records = refsByObject.values().stream().mapToLong(Set::size).sum();
        return ApiResponse.accepted(new RetryQueued(records, batches, chosen.stream()
                .map(e -> SyncErrorView.idOf(e.objectType(), e.hubspotId(), e.salesforceId(), e.category())).toList()));
    }

    private List<SyncError> byIds(List<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_RETRY_IDS) {
            throw ApiException.badRequest("RETRY_IDS", "\"ids\" holds 1 to " + MAX_RETRY_IDS + " error ids, got "
                    + ids.size() + ".", "ids");
        }
        List<SyncError> found = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String[] parts = SyncErrorView.parse(ids.get(i));
            if (parts == null || objects.find(parts[0]).isEmpty()) {
                throw ApiException.badRequest("INVALID_ERROR_ID", "'" + ids.get(i) + "' is not a sync error id "
                        + "(object~hubspotId~salesforceId~category). Nothing was queued.", "ids[" + i + "]");
            }
            int index = i;
            SyncError error;
            try {
                error = errors.find(parts[0], parts[1], parts[2], parts[3]).filter(e -> !e.resolved())
                        .orElseThrow(() -> ApiException.notFound("ERROR_NOT_FOUND", "There is no open sync error '"
                                + ids.get(index) + "'. Nothing was queued."));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("INVALID_ERROR_ID", e.getMessage(), "ids[" + i + "]");
            }
            found.add(error);
        }
        return found;
    }

    private List<SyncError> byCategory(String object, String category) {
        if (object == null) {
            throw ApiException.badRequest("MISSING_OBJECT", "Retrying by category needs the \"object\".", "object");
        }
        requireObject(object);
        Optional<String> cat = Optional.ofNullable(category).map(SyncErrorRoutes::category);
        List<SyncError> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<SyncError> page = errors.listOpen(object, cat, cursor, MAX_LIMIT);
            all.addAll(page.items());
            cursor = page.cursor();
        } while (cursor.isPresent());
        return all;
    }

    private void requireObject(String object) {
        if (objects.find(object).isEmpty()) {
            throw ApiException.badRequest("UNKNOWN_OBJECT", "No object pair for '" + object + "'. Known objects: "
                    + objects.all().keySet() + ".", "object");
        }
    }

    private static String category(String value) {
        if (Arrays.stream(ErrorCategory.values()).noneMatch(c -> c.name().equals(value))) {
            throw ApiException.badRequest("UNKNOWN_CATEGORY", "Unknown category '" + value + "'. Categories: "
                    + Arrays.toString(ErrorCategory.values()) + ".", "category");
        }
        return value;
    }

    private static int limit(Optional<String> raw) {
        if (raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("INVALID_LIMIT", "limit is a whole number from 1 to " + MAX_LIMIT + ", got '"
                + raw.get() + "'.", "limit");
    }

    private static Optional<String> param(ApiRequest request, String name) {
        return Optional.ofNullable(request.queryParam(name)).filter(v -> !v.isBlank());
    }
}
