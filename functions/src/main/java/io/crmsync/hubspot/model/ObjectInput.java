package io.crmsync.hubspot.model;

import java.util.Map;

/**
 * A record to create. An {@code objectWriteTraceId} on every input of a batch makes HubSpot answer 207 with per-input
 * errors instead of failing the whole batch.
 */
public record ObjectInput(Map<String, String> properties, String objectWriteTraceId) {

    public ObjectInput {
        properties = Map.copyOf(properties);
    }

    public static ObjectInput of(Map<String, String> properties) {
        return new ObjectInput(properties, null);
    }
}
