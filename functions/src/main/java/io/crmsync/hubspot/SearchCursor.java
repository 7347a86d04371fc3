package io.crmsync.hubspot;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.hubspot.model.SearchPage;
import io.crmsync.hubspot.model.SearchRequest;
import io.crmsync.hubspot.model.SearchRequest.Filter;
import io.crmsync.hubspot.model.SearchRequest.FilterGroup;

/**
 * Walks every result of a search, past HubSpot's 10,000-results-per-query cap. When the next page would start at
 * 10,000, the query is restarted with a window {@code sortProperty >= last value seen} (for {@code hs_object_id},
 * {@code > last id}), and records already returned at that boundary value are skipped by id. So ties on the sort
 * value (many records touched in the same millisecond) are neither skipped nor repeated, whatever order HubSpot
 * gives them in. Only ascending sorts can be re-windowed. A record modified while the walk runs may move behind the
 * cursor and come back a second time (at least once, never lost), which an upsert-based sync tolerates.
 */
final class SearchCursor implements Iterator<CrmObject> {

    static final int RESULT_CAP = 10_000;

    private final Function<SearchRequest, SearchPage> search;
    private final int resultCap;
    private final SearchRequest base;
    private final String sortProperty;
    private final Deque<CrmObject> buffer = new ArrayDeque<>();
    private SearchRequest next;
    private boolean finished;
    private String boundaryValue;
    private final Set<String> idsAtBoundary = new HashSet<>();
    private int emittedInWindow;

    SearchCursor(Function<SearchRequest, SearchPage> search, SearchRequest request, String defaultSortProperty) {
        this(search, request, defaultSortProperty, RESULT_CAP);
    }

    /** {@code resultCap} is HubSpot's 10,000 except in tests that exercise re-windowing on small data. */
    SearchCursor(Function<SearchRequest, SearchPage> search, SearchRequest request, String defaultSortProperty,
            int resultCap) {
        this.search = search;
        this.resultCap = resultCap;
        SearchRequest.Sort sort = request.sorts().isEmpty() ? SearchRequest.Sort.ascending(defaultSortProperty)
                : request.sorts().get(0);
        if (!"ASCENDING".equals(sort.direction())) {
            throw new IllegalArgumentException("searchAll needs an ASCENDING sort to page past " + RESULT_CAP
                    + " results; got " + sort.direction() + " on " + sort.propertyName());
        }
        this.sortProperty = sort.propertyName();
        List<String> properties = new ArrayList<>(request.properties());
        for (String needed : List.of(sortProperty, "hs_object_id")) {
            if (!properties.isEmpty() && !properties.contains(needed)) {
                properties.add(needed);
            }
        }
        if (properties.isEmpty()) {
            properties.addAll(List.of(sortProperty, "hs_object_id"));
        }
        this.base = new SearchRequest(request.filterGroups(), List.of(sort), properties, request.limit(), null);
        this.next = base;
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !finished) {
            fetch();
        }
        return !buffer.isEmpty();
    }

    @Override
    public CrmObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.pollFirst();
    }

    private void fetch() {
        SearchPage page = search.apply(next);
        for (CrmObject o : page.results()) {
            String value = o.property(sortProperty);
            if (value == null) {
                throw new IllegalStateException("search result " + o.id() + " has no " + sortProperty
                        + "; searchAll can only re-window on a property every record has");
            }
            if (value.equals(boundaryValue) && !idsAtBoundary.add(o.id())) {
                continue; // returned before the window moved
            }
            if (!value.equals(boundaryValue)) {
                boundaryValue = value;
                idsAtBoundary.clear();
                idsAtBoundary.add(o.id());
            }
            emittedInWindow++;
            buffer.addLast(o);
        }
        if (page.nextAfter().isEmpty()) {
            finished = true;
            return;
        }
        int after = Integer.parseInt(page.nextAfter().get());
        if (after + next.limit() <= resultCap) {
            next = next.withAfter(page.nextAfter().get());
            return;
        }
        if (emittedInWindow == 0) {
            throw new IllegalStateException("More than " + resultCap + " records share " + sortProperty + " = "
                    + boundaryValue + "; HubSpot search cannot page past them. Narrow the filters.");
        }
        emittedInWindow = 0;
        next = base.withFilterGroups(windowed(base.filterGroups())).withAfter(null);
    }

    private List<FilterGroup> windowed(List<FilterGroup> groups) {
        Filter window = sortProperty.equals("hs_object_id")
                ? Filter.of(sortProperty, "GT", boundaryValue)
                : Filter.of(sortProperty, "GTE", asFilterValue(boundaryValue));
        if (groups.isEmpty()) {
            return List.of(FilterGroup.of(window));
        }
        List<FilterGroup> out = new ArrayList<>();
        for (FilterGroup group : groups) {
            if (group.filters().size() >= 6) {
                throw new IllegalArgumentException("searchAll adds a filter on " + sortProperty
                        + " to each filter group to page past " + RESULT_CAP + " results; keep groups under 6 filters");
            }
            List<Filter> filters = new ArrayList<>(group.filters());
            filters.add(window);
            out.add(new FilterGroup(filters));
        }
        return out;
    }

    /** Date properties come back as ISO instants but filter as epoch milliseconds. */
    private static String asFilterValue(String value) {
        try {
            return String.valueOf(Instant.parse(value).toEpochMilli());
        } catch (DateTimeParseException notAnInstant) {
            return value;
        }
    }
}
