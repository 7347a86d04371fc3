package io.crmsync.records;

import java.time.Instant;
import java.util.List;

import io.crmsync.store.FieldChange;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One record as the console's record page shows it: its pairing (if any), each mapped field's current value on both
 * sides next to the values last synced, and the pairing's field-by-field history.
 */
@RegisterForReflection
public record RecordView(String object, String hubspotId, String salesforceId, String salesforceObject,
        boolean paired, Instant lastSyncedAt, List<FieldRow> fields, List<FieldChange> history) {

    /**
     * A mapped field: {@code hubspotValue}/{@code salesforceValue} as the CRMs hold them now (null when unset or when
     * that side has no record), {@code lastSynced*} as crm-sync last saw them.
     */
    @RegisterForReflection
    public record FieldRow(String hubspotProperty, String salesforceField, String rule, String hubspotValue,
            String salesforceValue, String lastSyncedHubspotValue, String lastSyncedSalesforceValue) {
    }

    /** A record a search found; either id may be null when that side has no record (not paired yet). */
    @RegisterForReflection
    public record Match(String object, String hubspotId, String salesforceId, String salesforceObject, boolean paired) {
    }
}
