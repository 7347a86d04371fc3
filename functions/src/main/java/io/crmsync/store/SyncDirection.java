package io.crmsync.store;

/** Which way a value travelled. */
public enum SyncDirection {
    HUBSPOT_TO_SALESFORCE,
    SALESFORCE_TO_HUBSPOT
}
