package io.crmsync.associations;

import java.util.List;
import java.util.Map;

/**
 * What syncing one pairing's associations means: lookups to write in Salesforce, associations to add or remove in
 * HubSpot, Opportunity contact roles to create or delete, the last synced values to store, and problems (HubSpot's
 * "Waiting for account to sync").
 */
public record AssociationOutcome(Map<String, Object> salesforceWrites, List<AssociationMove> moves,
        List<ContactRoles.RoleChange> roleChanges, Map<String, String> hubspotAfter,
        Map<String, String> salesforceAfter, List<String> problems) {

    public boolean changed() {
        return !salesforceWrites.isEmpty() || !moves.isEmpty() || !roleChanges.isEmpty();
    }
}
