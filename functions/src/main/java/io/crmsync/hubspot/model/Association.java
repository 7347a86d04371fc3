package io.crmsync.hubspot.model;

import java.util.List;

/** An associated record and the association types linking it (category + type id, e.g. HUBSPOT_DEFINED 279). */
public record Association(String toId, List<AssociationType> types) {

    public Association {
        types = List.copyOf(types);
    }

    public record AssociationType(String category, int typeId, String label) {
    }
}
