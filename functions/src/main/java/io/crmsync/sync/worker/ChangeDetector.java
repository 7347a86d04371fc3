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
import io.crmsync.sync.translate.Translated;
import io.crmsync.sync.translate.ValueTranslation;

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
        List<String> problems = new ArrayList<>();
        for (FieldMapping m : schema.mappingsFor(sobject)) {
            String type = schema.fieldType(sobject, m.salesforceField());
            String sfField = schema.fieldName(sobject, m.salesforceField());
            String key = m.hubspotProperty();
            ValueTranslation translation = schema.translation(key);
            String hubspotLast = pairing.hubspotValues().get(key);
            String salesforceLastRaw = pairing.salesforceValues().get(sfField);
            boolean known = pairing.hubspotValues().containsKey(key) || pairing.salesforceValues().containsKey(sfField);
            String salesforceRaw = ValueCodec.normalize(salesforce.get(sfField), type);
            // Salesforce values are compared in HubSpot's vocabulary; the pairing keeps each side's own.
            Translated salesforceNow = translation.hubspotSide(salesforceRaw);
            boolean untranslatableAsSynced = !salesforceNow.ok() && known
                    && java.util.Objects.equals(salesforceRaw, salesforceLastRaw);
            if (untranslatableAsSynced) {
                // What crm-sync wrote in place of the HubSpot value (the default owner): not a change to carry back.
                salesforceNow = Translated.of(hubspotLast);
            }
            if (!salesforceNow.ok()) {
                // Left as last synced, so the field stays changed and syncs once its value is mapped.
                problems.add(salesforceNow.problem());
                hsAfter.put(key, hubspotLast);
                sfAfter.put(sfField, salesforceLastRaw);
                triggered = true;
                continue;
            }
            Translated salesforceLast = untranslatableAsSynced ? Translated.of(hubspotLast)
                    : translation.hubspotSide(salesforceLastRaw);
            FieldState state = new FieldState(key, m.rule(), ValueCodec.normalize(hubspot.property(key), type),
                    salesforceNow.value(), hubspotLast, salesforceLast.ok() ? salesforceLast.value() : salesforceLastRaw,
                    known);
            boolean formula = schema.isFormula(sobject, m.salesforceField());
            if (!known || state.hubspotChanged() || (state.salesforceChanged() && !formula)) {
                triggered = true;
            }
            SyncDecision decision = FieldRule.decide(state, hubspotAt, salesforceAt);
            String salesforceAfter = salesforceRaw;
            switch (decision.action()) {
                case WRITE_HUBSPOT -> {
                    hsWrites.put(key, ValueCodec.toHubSpot(decision.value()));
                    history.add(new FieldChange(now, key, state.hubspotNow(), decision.value(),
                            SyncDirection.SALESFORCE_TO_HUBSPOT, note(decision, salesforceNow.note())));
                }
                case WRITE_SALESFORCE -> {
                    Translated out = translation.salesforceSide(decision.value());
                    if (!out.ok()) {
                        problems.add(out.problem());
                        hsAfter.put(key, hubspotLast);
                        sfAfter.put(sfField, salesforceLastRaw);
                        continue;
                    }
                    sfWrites.put(sfField, ValueCodec.toSalesforce(out.value(), type));
                    history.add(new FieldChange(now, sfField, salesforceRaw, out.value(),
                            SyncDirection.HUBSPOT_TO_SALESFORCE, note(decision, out.note())));
                    salesforceAfter = out.value();
                }
                case NOTHING -> {
                }
            }
            hsAfter.put(key, Values.blankToNull(decision.hubspotAfter(state)));
            sfAfter.put(sfField, Values.blankToNull(salesforceAfter));
        }
        return new RecordPlan(pairing, sobject, triggered, hsWrites, sfWrites, hsAfter, sfAfter, history, problems);
    }

    /** Who changed it last: LastModifiedDate (a user or API edit), not SystemModstamp (also bumped by automation). */
    static Instant modifiedAt(SObject record) {
        Object at = record.get("LastModifiedDate");
        if (at == null) {
            at = record.get("SystemModstamp");
        }
        return at == null ? null : ValueCodec.instant(at.toString());
    }

    /** The conflict a decision settled and the stand-in a translation used (the default owner), if any. */
    private static String note(SyncDecision decision, String translationNote) {
        String conflict = null;
        if (decision.loser() != null) {
            CrmSide side = decision.loser().side();
            conflict = "conflict: " + side + " value '" + decision.loser().value() + "' lost to the more recent change";
        }
        if (translationNote == null) {
            return conflict;
        }
        return conflict == null ? translationNote : conflict + "; " + translationNote;
    }
}
