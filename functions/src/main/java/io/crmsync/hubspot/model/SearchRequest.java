package io.crmsync.hubspot.model;

import java.util.List;

/**
 * A CRM search: OR of {@code filterGroups} (each an AND of filters; HubSpot allows 5 groups, 6 filters per group,
 * 18 in all), at most one sort, up to 200 per page, {@code after} from the previous page.
 */
public record SearchRequest(List<FilterGroup> filterGroups, List<Sort> sorts, List<String> properties, int limit,
        String after) {

    public SearchRequest {
        filterGroups = List.copyOf(filterGroups);
        sorts = List.copyOf(sorts);
        properties = List.copyOf(properties);
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("search limit must be between 1 and 200, was " + limit);
        }
        if (sorts.size() > 1) {
            throw new IllegalArgumentException("HubSpot search accepts one sort, got " + sorts.size());
        }
    }

    public static SearchRequest of(List<FilterGroup> filterGroups, Sort sort, List<String> properties) {
        return new SearchRequest(filterGroups, sort == null ? List.of() : List.of(sort), properties, 200, null);
    }

    public SearchRequest withAfter(String after) {
        return new SearchRequest(filterGroups, sorts, properties, limit, after);
    }

    public SearchRequest withFilterGroups(List<FilterGroup> groups) {
        return new SearchRequest(groups, sorts, properties, limit, after);
    }

    public SearchRequest withProperties(List<String> newProperties) {
        return new SearchRequest(filterGroups, sorts, newProperties, limit, after);
    }

    public record FilterGroup(List<Filter> filters) {
        public FilterGroup {
            filters = List.copyOf(filters);
        }

        public static FilterGroup of(Filter... filters) {
            return new FilterGroup(List.of(filters));
        }
    }

    /** {@code value} for single-value operators, {@code highValue} for BETWEEN, {@code values} for IN / NOT_IN. */
    public record Filter(String propertyName, String operator, String value, String highValue, List<String> values) {
        public Filter {
            values = values == null ? List.of() : List.copyOf(values);
        }

        public static Filter of(String propertyName, String operator, String value) {
            return new Filter(propertyName, operator, value, null, List.of());
        }

        public static Filter hasProperty(String propertyName) {
            return new Filter(propertyName, "HAS_PROPERTY", null, null, List.of());
        }
    }

    public record Sort(String propertyName, String direction) {
        public static Sort ascending(String propertyName) {
            return new Sort(propertyName, "ASCENDING");
        }
    }
}
