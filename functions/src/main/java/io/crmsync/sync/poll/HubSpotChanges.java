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
        String lastModified = HubSpotClient.lastModifiedProperty(object);
        SearchRequest request = SearchRequest.of(
                List.of(FilterGroup.of(Filter.of(lastModified, "GTE", String.valueOf(since.toEpochMilli())))),
                Sort.ascending(lastModified), List.of(lastModified));
        return hubspot.searchAll(object, request)
                .map(o -> new Change(o.id(), o.updatedAt() != null ? o.updatedAt() : since))
                .toList();
    }
}
