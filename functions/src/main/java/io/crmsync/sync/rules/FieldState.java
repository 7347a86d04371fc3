package io.crmsync.sync.rules;

import io.crmsync.settings.SyncRule;

/**
 * One mapped field of one pairing as the rules see it: the value each side holds now and the value each side held
 * after the last sync ({@code lastKnown} false on a pairing's first sync of the field). Values are normalized text;
 * null and blank both mean "no value".
 */
public record FieldState(String field, SyncRule rule, String hubspotNow, String salesforceNow, String hubspotLast,
        String salesforceLast, boolean lastKnown) {

    public FieldState {
        hubspotNow = Values.blankToNull(hubspotNow);
        salesforceNow = Values.blankToNull(salesforceNow);
        hubspotLast = Values.blankToNull(hubspotLast);
        salesforceLast = Values.blankToNull(salesforceLast);
    }

    public static FieldState initial(String field, SyncRule rule, String hubspotNow, String salesforceNow) {
        return new FieldState(field, rule, hubspotNow, salesforceNow, null, null, false);
    }

    public static FieldState of(String field, SyncRule rule, String hubspotNow, String salesforceNow,
            String hubspotLast, String salesforceLast) {
        return new FieldState(field, rule, hubspotNow, salesforceNow, hubspotLast, salesforceLast, true);
    }

    /** A user (not crm-sync: its own writes are the last synced values) changed the HubSpot side since the last sync. */
    public boolean hubspotChanged() {
        return lastKnown && !Values.same(hubspotNow, hubspotLast);
    }

    public boolean salesforceChanged() {
        return lastKnown && !Values.same(salesforceNow, salesforceLast);
    }

    public boolean inAgreement() {
        return Values.same(hubspotNow, salesforceNow);
    }
}
