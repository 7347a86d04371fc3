package io.crmsync.sync.rules;

import java.time.Instant;

import io.crmsync.store.CrmSide;

/**
 * The decision table of reference A2, one field at a time. A "change" is a difference from the last synced value on
 * that side; because crm-sync stores what it wrote as the last synced value, its own writes are never changes (no echo).
 *
 * <pre>
 * rule                        | SF has a value      | SF emptied (delete) | SF blank, not changed     | both changed
 * PREFER_SALESFORCE_UNLESS_BLANK | SF -> HS         | clear HS            | HS -> SF (if HS has one)  | (SF decides)
 * ALWAYS_SALESFORCE           | SF -> HS            | clear HS            | nothing                   | (SF decides)
 * TWO_WAY                     | the changed side wins, blank included; both changed: most recent wins, loser kept
 * DONT_SYNC                   | nothing
 * </pre>
 *
 * A first sync (no last values) has no "changed" side: Salesforce values fill HubSpot, HubSpot values fill blank
 * Salesforce fields where the rule lets HubSpot write, and two-way disagreements go to the most recent record.
 */
public final class FieldRule {

    private FieldRule() {
    }

    /**
     * @param hubspotModifiedAt when the HubSpot record last changed (its last-modified property)
     * @param salesforceModifiedAt when the Salesforce record last changed (LastModifiedDate)
     */
    public static SyncDecision decide(FieldState s, Instant hubspotModifiedAt, Instant salesforceModifiedAt) {
        if (s.inAgreement()) {
            return SyncDecision.nothing(s.field());
        }
        return switch (s.rule()) {
            case DONT_SYNC -> SyncDecision.nothing(s.field());
            case ALWAYS_SALESFORCE -> alwaysSalesforce(s);
            case PREFER_SALESFORCE_UNLESS_BLANK -> preferSalesforce(s);
            case TWO_WAY -> twoWay(s, hubspotModifiedAt, salesforceModifiedAt);
        };
    }

    private static SyncDecision alwaysSalesforce(FieldState s) {
        if (!Values.isBlank(s.salesforceNow()) || s.salesforceChanged()) {
            return SyncDecision.toHubSpot(s.field(), s.salesforceNow());
        }
        return SyncDecision.nothing(s.field());
    }

    private static SyncDecision preferSalesforce(FieldState s) {
        if (!Values.isBlank(s.salesforceNow()) || s.salesforceChanged()) {
            return SyncDecision.toHubSpot(s.field(), s.salesforceNow());
        }
        // Salesforce is blank and was not just emptied: HubSpot may fill it.
        return SyncDecision.toSalesforce(s.field(), s.hubspotNow());
    }

    private static SyncDecision twoWay(FieldState s, Instant hubspotAt, Instant salesforceAt) {
        if (!s.lastKnown()) {
            if (Values.isBlank(s.salesforceNow())) {
                return SyncDecision.toSalesforce(s.field(), s.hubspotNow());
            }
            if (Values.isBlank(s.hubspotNow())) {
                return SyncDecision.toHubSpot(s.field(), s.salesforceNow());
            }
            return mostRecentWins(s, hubspotAt, salesforceAt);
        }
        boolean hs = s.hubspotChanged();
        boolean sf = s.salesforceChanged();
        if (hs && !sf) {
            return SyncDecision.toSalesforce(s.field(), s.hubspotNow());
        }
        if (sf && !hs) {
            return SyncDecision.toHubSpot(s.field(), s.salesforceNow());
        }
        // Both changed (a conflict), or neither did yet they differ (a write that failed earlier): most recent wins.
        return mostRecentWins(s, hubspotAt, salesforceAt);
    }

    /** Ties and unknown times go to Salesforce, the system of record in every other rule. */
    private static SyncDecision mostRecentWins(FieldState s, Instant hubspotAt, Instant salesforceAt) {
        boolean hubspotNewer = hubspotAt != null && (salesforceAt == null || hubspotAt.isAfter(salesforceAt));
        return hubspotNewer
                ? SyncDecision.toSalesforce(s.field(), s.hubspotNow()).withLoser(CrmSide.SALESFORCE, s.salesforceNow())
                : SyncDecision.toHubSpot(s.field(), s.salesforceNow()).withLoser(CrmSide.HUBSPOT, s.hubspotNow());
    }
}
