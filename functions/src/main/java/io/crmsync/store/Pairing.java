package io.crmsync.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A HubSpot record and the Salesforce record it is synced with. {@code hubspotValues}/{@code salesforceValues} hold
 * the value of each mapped field as last written to / read from each side, so the sync can tell a user's change from
 * the echo of its own write. {@code version} is the optimistic lock: 0 means never stored.
 */
@RegisterForReflection
public record Pairing(String objectType, String hubspotId, String salesforceId, SalesforceType salesforceType,
        Map<String, String> hubspotValues, Map<String, String> salesforceValues, Instant lastSyncedAt,
        long version, List<FieldChange> history) {

    /** Newest entries kept per pairing; older ones drop off. */
    public static final int HISTORY_LIMIT = 50;

    public Pairing {
        StoreKeys.requireId(objectType, "objectType");
        StoreKeys.requireId(hubspotId, "hubspotId");
        StoreKeys.requireId(salesforceId, "salesforceId");
        Objects.requireNonNull(salesforceType, "salesforceType");
        hubspotValues = copyAllowingNulls(hubspotValues);
        salesforceValues = copyAllowingNulls(salesforceValues);
        history = history == null ? List.of() : List.copyOf(history);
        if (history.size() > HISTORY_LIMIT) {
            history = history.subList(history.size() - HISTORY_LIMIT, history.size());
        }
    }

    /** A pairing not yet stored: no values synced yet. */
    public static Pairing of(String objectType, String hubspotId, String salesforceId, SalesforceType salesforceType) {
        return new Pairing(objectType, hubspotId, salesforceId, salesforceType, Map.of(), Map.of(), null, 0, List.of());
    }

    /** Records the values now equal on both sides after a sync run. */
    public Pairing withSynced(Map<String, String> hubspot, Map<String, String> salesforce, Instant at) {
        return new Pairing(objectType, hubspotId, salesforceId, salesforceType, merge(hubspotValues, hubspot),
                merge(salesforceValues, salesforce), at, version, history);
    }

    /** Appends history entries (oldest first); only the newest {@link #HISTORY_LIMIT} are kept. */
    public Pairing withHistory(List<FieldChange> entries) {
        List<FieldChange> all = new ArrayList<>(history);
        all.addAll(entries);
        return new Pairing(objectType, hubspotId, salesforceId, salesforceType, hubspotValues, salesforceValues,
                lastSyncedAt, version, all);
    }

    Pairing withVersion(long newVersion) {
        return new Pairing(objectType, hubspotId, salesforceId, salesforceType, hubspotValues, salesforceValues,
                lastSyncedAt, newVersion, history);
    }

    Pairing repairedTo(String newSalesforceId, SalesforceType newType) {
        // The last synced values described the old Salesforce record; keeping them would hide real differences.
        return new Pairing(objectType, hubspotId, newSalesforceId, newType, Map.of(), Map.of(), null, version,
                history);
    }

    private static Map<String, String> merge(Map<String, String> base, Map<String, String> changes) {
        Map<String, String> merged = new LinkedHashMap<>(base);
        merged.putAll(changes);
        return merged;
    }

    private static Map<String, String> copyAllowingNulls(Map<String, String> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
