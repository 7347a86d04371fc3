package io.crmsync.hubspot.model;

import java.util.Map;

/** Changes to one record, by HubSpot id. A value of "" clears the property. */
public record ObjectUpdate(String id, Map<String, String> properties) {

    public ObjectUpdate {
        properties = Map.copyOf(properties);
    }
}
