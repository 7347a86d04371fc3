package io.crmsync.settings;

/**
 * How one mapped field syncs, exactly as HubSpot's connector offers it (reference A2). The rule decides the
 * direction(s) a value may travel, including an emptied value (a delete).
 */
public enum SyncRule {
    /** Salesforce wins when it has a value; HubSpot fills Salesforce only while Salesforce is blank. The default. */
    PREFER_SALESFORCE_UNLESS_BLANK,
    /** Salesforce always overwrites HubSpot, blank included; HubSpot never writes to Salesforce. */
    ALWAYS_SALESFORCE,
    /** The most recent change wins, in either direction, deletes included. */
    TWO_WAY,
    /** The field is mapped but never synced. */
    DONT_SYNC;

    /** Whether this rule can ever write a HubSpot value into Salesforce (formula fields must not be mapped so). */
    public boolean writesSalesforce() {
        return this == PREFER_SALESFORCE_UNLESS_BLANK || this == TWO_WAY;
    }

    public boolean writesHubSpot() {
        return this != DONT_SYNC;
    }
}
