package io.crmsync.hubspot.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A HubSpot record: id, property values as HubSpot's strings (null when unset), timestamps and archived flag. */
public record CrmObject(String id, Map<String, String> properties, Instant createdAt, Instant updatedAt,
        boolean archived) {

    public CrmObject {
        // HubSpot returns requested-but-unset properties as null, which Map.copyOf refuses
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    public String property(String name) {
        return properties.get(name);
    }
}
