package io.crmsync.store;

/** The Salesforce object a HubSpot record is paired with (a HubSpot contact may be a Lead or a Contact). */
public enum SalesforceType {
    LEAD,
    CONTACT,
    ACCOUNT,
    OPPORTUNITY,
    CASE,
    TASK,
    EVENT,
    /** A custom object (the pairing's object type names which). */
    CUSTOM
}
