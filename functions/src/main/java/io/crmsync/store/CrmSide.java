package io.crmsync.store;

/** Which CRM a value, id or watermark belongs to. */
public enum CrmSide {
    HUBSPOT,
    SALESFORCE
}
