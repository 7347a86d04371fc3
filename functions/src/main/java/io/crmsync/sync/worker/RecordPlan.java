package io.crmsync.sync.worker;

import java.util.List;
import java.util.Map;

import io.crmsync.store.FieldChange;
import io.crmsync.store.Pairing;

/**
 * What syncing one pairing means: the HubSpot properties and Salesforce fields to write (only changed ones), the
 * last synced values to store afterwards, history entries (writes and two-way conflict losers), and the fields left
 * unsynced because their value has no translation ({@code problems}: Sync Health messages naming each value).
 */
public record RecordPlan(Pairing pairing, String sobject, boolean triggered, Map<String, String> hubspotWrites,
        Map<String, Object> salesforceWrites, Map<String, String> hubspotAfter, Map<String, String> salesforceAfter,
        List<FieldChange> history, List<String> problems) {

    public RecordPlan {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public RecordPlan(Pairing pairing, String sobject, boolean triggered, Map<String, String> hubspotWrites,
            Map<String, Object> salesforceWrites, Map<String, String> hubspotAfter,
            Map<String, String> salesforceAfter, List<FieldChange> history) {
        this(pairing, sobject, triggered, hubspotWrites, salesforceWrites, hubspotAfter, salesforceAfter, history,
                List.of());
    }

    public boolean writesAnything() {
        return !hubspotWrites.isEmpty() || !salesforceWrites.isEmpty();
    }
}
