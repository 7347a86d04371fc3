package io.crmsync.sandbox.hubspot;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Associations v4 state. HubSpot associations are two-sided: associating a contact to a company also shows the
 * company's side with the inverse type id, so every write stores both directions.
 */
final class AssociationStore {

    /** An association type: category HUBSPOT_DEFINED / USER_DEFINED / INTEGRATOR_DEFINED and its numeric id. */
    record Spec(String category, int typeId) {
    }

    /** The unlabeled default type ids the real API uses between standard objects (contact->company is 279). */
    private static final Map<String, int[]> DEFAULTS = Map.ofEntries(
            Map.entry("contacts/companies", new int[] {279, 280}),
            Map.entry("deals/contacts", new int[] {3, 4}),
            Map.entry("deals/companies", new int[] {341, 342}),
            Map.entry("tickets/contacts", new int[] {16, 15}),
            Map.entry("tickets/companies", new int[] {339, 340}),
            Map.entry("tickets/deals", new int[] {28, 27}),
            // engagements to the records they are logged on (the real API's HUBSPOT_DEFINED ids, both directions)
            Map.entry("tasks/contacts", new int[] {204, 203}),
            Map.entry("tasks/companies", new int[] {192, 191}),
            Map.entry("tasks/deals", new int[] {216, 215}),
            Map.entry("tasks/tickets", new int[] {230, 229}),
            Map.entry("meetings/contacts", new int[] {200, 199}),
            Map.entry("meetings/companies", new int[] {188, 187}),
            Map.entry("meetings/deals", new int[] {212, 211}),
            Map.entry("meetings/tickets", new int[] {226, 225}),
            Map.entry("calls/contacts", new int[] {194, 193}),
            Map.entry("calls/companies", new int[] {182, 181}),
            Map.entry("calls/deals", new int[] {206, 205}),
            Map.entry("calls/tickets", new int[] {220, 219}),
            Map.entry("vehicles/contacts", new int[] {1000, 1001}));

    /** "fromType:fromId" -> toType -> toId -> specs */
    private final Map<String, Map<String, TreeMap<Long, Set<Spec>>>> edges = new HashMap<>();

    static int defaultTypeId(String fromType, String toType) {
        int[] forward = DEFAULTS.get(fromType + "/" + toType);
        if (forward != null) {
            return forward[0];
        }
        int[] backward = DEFAULTS.get(toType + "/" + fromType);
        if (backward != null) {
            return backward[1];
        }
        throw SandboxException.validation("No default association type between " + fromType + " and " + toType);
    }

    /** The inverse of a type id between the two types, for the other side of the edge. */
    static int inverseTypeId(String fromType, String toType, int typeId) {
        int[] forward = DEFAULTS.get(fromType + "/" + toType);
        if (forward != null && forward[0] == typeId) {
            return forward[1];
        }
        int[] backward = DEFAULTS.get(toType + "/" + fromType);
        if (backward != null && backward[1] == typeId) {
            return backward[0];
        }
        return typeId; // labels the sandbox does not know are kept symmetric
    }

    void associate(String fromType, long fromId, String toType, long toId, Spec spec) {
        add(fromType, fromId, toType, toId, spec);
        add(toType, toId, fromType, fromId, new Spec(spec.category(), inverseTypeId(fromType, toType, spec.typeId())));
    }

    Map<Long, Set<Spec>> read(String fromType, long fromId, String toType) {
        return edges.getOrDefault(fromType + ":" + fromId, Map.of()).getOrDefault(toType, new TreeMap<>());
    }

    /** Removes every association between the two records, both directions. */
    void remove(String fromType, long fromId, String toType, long toId) {
        edges.getOrDefault(fromType + ":" + fromId, Map.of()).getOrDefault(toType, new TreeMap<>()).remove(toId);
        edges.getOrDefault(toType + ":" + toId, Map.of()).getOrDefault(fromType, new TreeMap<>()).remove(fromId);
    }

    void clear() {
        edges.clear();
    }

    private void add(String fromType, long fromId, String toType, long toId, Spec spec) {
        edges.computeIfAbsent(fromType + ":" + fromId, k -> new HashMap<>())
                .computeIfAbsent(toType, k -> new TreeMap<>())
                .computeIfAbsent(toId, k -> new LinkedHashSet<>()).add(spec);
    }
}
