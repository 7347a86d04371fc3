package io.crmsync.sync.poll;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A record some side reported as changed (or deleted) at {@code modifiedAt}, with the mapped values the change
 * search already answered ({@code values}: Salesforce field or HubSpot property to raw value; empty when not read),
 * from which {@link OwnWrites} recognises crm-sync's own writes without reading the record again.
 */
public record Change(String id, Instant modifiedAt, Map<String, Object> values) {

    public Change {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new HashMap<>(values));
    }

    public Change(String id, Instant modifiedAt) {
        this(id, modifiedAt, Map.of());
    }
}
