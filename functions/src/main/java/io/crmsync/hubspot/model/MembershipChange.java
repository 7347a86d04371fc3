package io.crmsync.hubspot.model;

import java.util.List;

/** What a membership add/remove did: ids changed, and ids HubSpot did not find (ignored by HubSpot). */
public record MembershipChange(List<String> changed, List<String> missing) {

    public MembershipChange {
        changed = List.copyOf(changed);
        missing = List.copyOf(missing);
    }
}
