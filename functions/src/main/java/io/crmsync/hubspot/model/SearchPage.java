package io.crmsync.hubspot.model;

import java.util.List;
import java.util.Optional;

/** One page of search results; {@code nextAfter} is empty on the last page. */
public record SearchPage(long total, List<CrmObject> results, Optional<String> nextAfter) {

    public SearchPage {
        results = List.copyOf(results);
    }
}
