package io.crmsync.associations;

import java.util.List;
import java.util.Map;

import io.crmsync.store.Pairing;

/**
 * The associations of one batch as read: each HubSpot record's associated ids per target object, and the pairings of
 * the records they point at on either side; for deals, their Opportunity contact roles.
 */
public record AssociationState(Map<String, Map<String, List<String>>> associatedByTarget,
        Map<String, Map<String, Pairing>> targetsBySalesforceId, Map<String, Map<String, Pairing>> targetsByHubspotId,
        ContactRoles.State roles) {

    static final AssociationState NONE = new AssociationState(Map.of(), Map.of(), Map.of(), ContactRoles.State.NONE);

    AssociationState withRoles(ContactRoles.State newRoles) {
        return new AssociationState(associatedByTarget, targetsBySalesforceId, targetsByHubspotId, newRoles);
    }

    List<String> associated(AssociationLink link, String hubspotId) {
        return associatedByTarget.getOrDefault(link.targetObject(), Map.of()).getOrDefault(hubspotId, List.of());
    }

    String hubspotIdOf(AssociationLink link, String salesforceId) {
        Pairing p = targetsBySalesforceId.getOrDefault(link.targetObject(), Map.of()).get(salesforceId);
        return p == null ? null : p.hubspotId();
    }

    String salesforceIdOf(AssociationLink link, String hubspotId) {
        Pairing p = targetsByHubspotId.getOrDefault(link.targetObject(), Map.of()).get(hubspotId);
        return p == null ? null : p.salesforceId();
    }
}
