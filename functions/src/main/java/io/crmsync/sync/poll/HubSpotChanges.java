package io.crmsync.sync.poll;

import java.time.Instant;
import java.util.List;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.SearchRequest;
import io.crmsync.hubspot.model.SearchRequest.Filter;
import io.crmsync.hubspot.model.SearchRequest.FilterGroup;
import io.crmsync.hubspot.model.SearchRequest.Sort;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * HubSpot records changed since a point: a search on the type's last-modified property (contacts:
 * {@code lastmodifieddate}, others {@code hs_lastmodifieddate}), ascending, which the client re-windows past the
 * 10,000-result cap. An idle poll is one search call.
 */
@ApplicationScoped
public class HubSpotChanges {

    private final HubSpotClient hubspot;

    HubSpotChanges(HubSpotClient hubspot) {
        this.hubspot = hubspot;
    }

    public List<Change> changedSince(String object, Instant since) {
        return changedSince(object, since, List.of());
    }

    /** With the values of {@code properties}, which the search pages carry at no extra call. */
    public List<Change> changedSince(String object, Instant since, List<String> properties) {
        String lastModified = HubSpotClient.lastModifiedProperty(object);
        java.util.Set<String> read = new java.util.LinkedHashSet<>(properties);
        read.add(lastModified);
        SearchRequest request = SearchRequest.of(
                List.of(FilterGroup.of(Filter.of(lastModified, "GTE", String.valueOf(since.toEpochMilli())))),
                Sort.ascending(lastModified), List.copyOf(read));
        return hubspot.searchAll(object, request)
                .map(o -> new Change(o.id(), o.updatedAt() != null ? o.updatedAt() : since,
                        new java.util.HashMap<String, Object>(o.properties())))
                .toList();
    }
}
