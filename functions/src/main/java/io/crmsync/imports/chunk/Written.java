package io.crmsync.imports.chunk;

/** A record now in HubSpot: its Salesforce and HubSpot ids, and whether the upsert created it. */
public record Written(String salesforceId, String hubspotId, boolean created) {
}
