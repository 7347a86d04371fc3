package io.crmsync.sync.worker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.settings.FieldMapping;
import io.crmsync.store.CrmSide;
import io.crmsync.store.FieldChange;
import io.crmsync.store.Pairing;
import io.crmsync.store.SyncDirection;
import io.crmsync.sync.rules.FieldRule;
import io.crmsync.sync.rules.FieldState;
import io.crmsync.sync.rules.SyncDecision;
import io.crmsync.sync.rules.ValueCodec;
import io.crmsync.sync.rules.Values;

/**
 * Compares both records with the pairing's last synced values and runs the rules on every mapped field. A record is
 * "triggered" when a non-formula field changed on either side or a field syncs for the first time: a Salesforce
 * formula that changed alone (its inputs live on another record, or a recalculation) triggers nothing, as in HubSpot.
 */
public final class ChangeDetector {

    private ChangeDetector() {
    }

    public static RecordPlan plan(MappedObject schema, Pairing pairing, String sobject, CrmObject hubspot,
            SObject salesforce, Instant now) {
        Instant hubspotAt = hubspot.updatedAt();
        Instant salesforceAt = modifiedAt(salesforce);
        boolean triggered = false;
        Map<String, String> hsWrites = new LinkedHashMap<>();
        Map<String, Object> sfWrites = new LinkedHashMap<>();
        Map<String, String> hsAfter = new LinkedHashMap<>();
        Map<String, String> sfAfter = new LinkedHashMap<>();
        List<FieldChange> history = new ArrayList<>();
        for (FieldMapping m : schema.mappingsFor(sobject)) {
            String type = schema.fieldType(sobject, m.salesforceField());
            String sfField = schema.fieldName(sobject, m.salesforceField());
            String key = m.hubspotProperty();
            boolean known = pairing.hubspotValues().containsKey(key) || pairing.salesforceValues().containsKey(sfField);
            FieldState state = new FieldState(key, m.rule(), ValueCodec.normalize(hubspot.property(key), type),
                    ValueCodec.normalize(salesforce.get(sfField), type), pairing.hubspotValues().get(key),
                    pairing.salesforceValues().get(sfField), known);
            boolean formula = schema.isFormula(sobject, m.salesforceField());
            if (!known || state.hubspotChanged() || (state.salesforceChanged() && !formula)) {
                triggered = true;
            }
            SyncDecision decision = FieldRule.decide(state, hubspotAt, salesforceAt);
            switch (decision.action()) {
                case WRITE_HUBSPOT -> {
                    hsWrites.put(key, ValueCodec.toHubSpot(decision.value()));
                    history.add(new FieldChange(now, key, state.hubspotNow(), decision.value(),
                            SyncDirection.SALESFORCE_TO_HUBSPOT, note(decision)));
                }
                case WRITE_SALESFORCE -> {
                    sfWrites.put(sfField, ValueCodec.toSalesforce(decision.value(), type));
                    history.add(new FieldChange(now, sfField, state.salesforceNow(), decision.value(),
                            SyncDirection.HUBSPOT_TO_SALESFORCE, note(decision)));
                }
                case NOTHING -> {
                }
            }
            hsAfter.put(key, Values.blankToNull(decision.hubspotAfter(state)));
            sfAfter.put(sfField, Values.blankToNull(decision.salesforceAfter(state)));
        }
        return new RecordPlan(pairing, sobject, triggered, hsWrites, sfWrites, hsAfter, sfAfter, history);
    }

    /** Who changed it last: LastModifiedDate (a user or API edit), not SystemModstamp (also bumped by automation). */
    static Instant modifiedAt(SObject record) {
        Object at = record.get("LastModifiedDate");
        if (at == null) {
            at = record.get("SystemModstamp");
        }
        return at == null ? null : ValueCodec.instant(at.toString());
    }

    private static String note(SyncDecision decision) {
        if (decision.loser() == null) {
            return null;
        }
        CrmSide side = decision.loser().side();
        return "conflict: " + side + " value '" + decision.loser().value() + "' lost to the more recent change";
    }
}
