package io.crmsync.sync.rules;

import io.crmsync.store.CrmSide;

/**
 * What the rules decided for one field: write {@code value} to HubSpot or to Salesforce, or nothing. When two-way
 * changes collided, {@code loser} holds the value that lost so the pairing's history can keep it.
 */
public record SyncDecision(String field, Action action, String value, Loser loser) {

    public enum Action {
        NOTHING,
        WRITE_HUBSPOT,
        WRITE_SALESFORCE
    }

    /** The side whose change lost a two-way conflict, and the value it had. */
    public record Loser(CrmSide side, String value) {
    }

    static SyncDecision nothing(String field) {
        return new SyncDecision(field, Action.NOTHING, null, null);
    }

    static SyncDecision toHubSpot(String field, String value) {
        return new SyncDecision(field, Action.WRITE_HUBSPOT, Values.blankToNull(value), null);
    }

    static SyncDecision toSalesforce(String field, String value) {
        return new SyncDecision(field, Action.WRITE_SALESFORCE, Values.blankToNull(value), null);
    }

    SyncDecision withLoser(CrmSide side, String value) {
        return new SyncDecision(field, action, this.value, new Loser(side, value));
    }

    /** HubSpot's value once this decision is applied: the last synced HubSpot value from then on. */
    public String hubspotAfter(FieldState state) {
        return action == Action.WRITE_HUBSPOT ? value : state.hubspotNow();
    }

    public String salesforceAfter(FieldState state) {
        return action == Action.WRITE_SALESFORCE ? value : state.salesforceNow();
    }
}
