package io.crmsync.sandbox.hubspot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code POST /crm/v3/objects/{objectType}/search} with the real limits: 5 filter groups of at most 6 filters and 18
 * in all, one sort, 200 per page (default 10), integer {@code after}, a 3,000-character body and no paging past
 * 10,000 results. Archived records never appear.
 */
final class SearchRoutes {

    static final int MAX_RESULTS = 10_000;
    static final int MAX_PAGE = 200;

    private final SandboxState state;

    SearchRoutes(SandboxState state) {
        this.state = state;
    }

    Answer search(String objectType, String rawBody) {
        if (rawBody != null && rawBody.length() > 3000) {
            throw SandboxException.validation("The request body is " + rawBody.length()
                    + " characters long; the search API accepts at most 3000.");
        }
        ObjectStore store = state.store(objectType);
        ObjectType type = store.type();
        JsonNode body = SandboxJson.parse(rawBody);
        List<List<SearchFilter>> groups = filterGroups(body.path("filterGroups"));
        JsonNode sorts = body.path("sorts");
        if (sorts.size() > 1) {
            throw SandboxException.validation("Only one sort is allowed, got " + sorts.size());
        }
        int limit = body.path("limit").asInt(10);
        if (limit < 1 || limit > MAX_PAGE) {
            throw SandboxException.validation("limit must be between 1 and " + MAX_PAGE + ", was " + limit);
        }
        int after = parseAfter(body.path("after"));
        if (after >= MAX_RESULTS) {
            throw SandboxException.validation("The search API returns at most " + MAX_RESULTS
                    + " results per query; after=" + after + " pages past it. Narrow the query.");
        }
        String query = body.path("query").asText("").toLowerCase(Locale.ROOT);
        List<String> properties = ObjectRoutes.requestedProperties(type, body.path("properties"));

        List<StoredObject> matches = new ArrayList<>();
        java.time.Instant indexedUpTo = state.now().minus(state.searchDelay());
        synchronized (state) {
            for (StoredObject o : store.all()) {
                // index lag: the real API shows a record "a few moments" after a write; the sandbox hides it meanwhile
                if (!o.archived() && !o.updatedAt().isAfter(indexedUpTo) && matchesGroups(type, groups, o) && matchesQuery(query, o)) {
                    matches.add(o);
                }
            }
        }
        matches.sort(order(type, sorts.size() == 1 ? sorts.get(0) : null));
        ObjectNode answer = SandboxJson.NODES.objectNode();
        answer.put("total", matches.size());
        ArrayNode results = answer.putArray("results");
        int end = Math.min(matches.size(), after + limit);
        for (int i = after; i < end; i++) {
            results.add(SandboxJson.object(matches.get(i), properties));
        }
        if (end < matches.size()) {
            // like the real API, paging.next is offered even when it points past the 10,000 cap; using it answers 400
            answer.putObject("paging").putObject("next").put("after", String.valueOf(end));
        }
        return Answer.ok(answer);
    }

    private static List<List<SearchFilter>> filterGroups(JsonNode node) {
        List<List<SearchFilter>> groups = new ArrayList<>();
        int total = 0;
        if (node.size() > 5) {
            throw SandboxException.validation("Too many filter groups: " + node.size() + ", the limit is 5");
        }
        for (JsonNode group : node) {
            JsonNode filters = group.path("filters");
            if (filters.size() > 6) {
                throw SandboxException.validation("Too many filters in a group: " + filters.size() + ", the limit is 6");
            }
            total += filters.size();
            List<SearchFilter> parsed = new ArrayList<>();
            filters.forEach(f -> parsed.add(SearchFilter.parse(f)));
            groups.add(parsed);
        }
        if (total > 18) {
            throw SandboxException.validation("Too many filters: " + total + ", the limit is 18 across all groups");
        }
        return groups;
    }

    private static int parseAfter(JsonNode after) {
        if (after.isMissingNode() || after.isNull() || after.asText().isEmpty()) {
            return 0;
        }
        try {
            int value = Integer.parseInt(after.asText());
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw SandboxException.validation("after must be a non-negative integer, was '" + after.asText() + "'");
        }
    }

    private static boolean matchesGroups(ObjectType type, List<List<SearchFilter>> groups, StoredObject o) {
        if (groups.isEmpty()) {
            return true;
        }
        for (List<SearchFilter> and : groups) {
            if (and.stream().allMatch(f -> f.matches(type, o))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchesQuery(String query, StoredObject o) {
        return query.isEmpty() || o.properties().values().stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains(query));
    }

    /** The requested sort, then id: HubSpot documents no tie order, the sandbox makes it deterministic. */
    private static Comparator<StoredObject> order(ObjectType type, JsonNode sort) {
        Comparator<StoredObject> byId = Comparator.comparingLong(StoredObject::id);
        if (sort == null) {
            return byId;
        }
        String property = sort.path("propertyName").asText("");
        boolean descending = "DESCENDING".equals(sort.path("direction").asText("ASCENDING"));
        PropertyDef def = type.properties().get(property);
        boolean numeric = def != null && def.isNumericForComparison();
        // dates are parsed once per record, not once per comparison: sorting 100,000 records stays fast
        java.util.Map<Long, Double> keys = new java.util.HashMap<>();
        Comparator<StoredObject> byProperty = (a, b) -> {
            String x = a.get(property);
            String y = b.get(property);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1; // unset values last
            }
            if (numeric) {
                return Double.compare(keys.computeIfAbsent(a.id(), id -> SearchFilter.numericValue(x)),
                        keys.computeIfAbsent(b.id(), id -> SearchFilter.numericValue(y)));
            }
            return SearchFilter.compare(x, y, false);
        };
        return (descending ? byProperty.reversed() : byProperty).thenComparing(byId);
    }
}
