package io.crmsync.sandbox.hubspot;

import java.time.Instant;
import java.util.Map;

/**
 * One CRM record in sandbox state. Immutable: an update replaces it. {@code properties} holds every set value as the
 * string HubSpot would return, including {@code hs_object_id} and the create/last-modified dates as ISO instants.
 */
record StoredObject(long id, Map<String, String> properties, Instant createdAt, Instant updatedAt, boolean archived) {

    StoredObject {
        properties = Map.copyOf(properties);
    }

    String get(String property) {
        return properties.get(property);
    }
}
