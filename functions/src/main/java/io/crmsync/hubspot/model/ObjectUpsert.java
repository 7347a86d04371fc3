package io.crmsync.hubspot.model;

import java.util.Map;

/** Create-or-update by a unique property: {@code idValue} is that property's value (e.g. the email). */
public record ObjectUpsert(String idValue, Map<String, String> properties) {

    public ObjectUpsert {
        properties = Map.copyOf(properties);
    }
}
