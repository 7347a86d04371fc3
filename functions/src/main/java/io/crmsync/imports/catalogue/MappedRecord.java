package io.crmsync.imports.catalogue;

import java.util.Map;

/**
 * One Salesforce record translated for HubSpot: the unique key to upsert by and the properties to write, or the
 * reason it is skipped (a contact without an email cannot exist in HubSpot).
 */
public record MappedRecord(String salesforceId, String uniqueKey, Map<String, String> properties, String skipReason) {

    public static MappedRecord write(String salesforceId, String uniqueKey, Map<String, String> properties) {
        return new MappedRecord(salesforceId, uniqueKey, Map.copyOf(properties), null);
    }

    public static MappedRecord skip(String salesforceId, String reason) {
        return new MappedRecord(salesforceId, null, Map.of(), reason);
    }

    public boolean skipped() {
        return skipReason != null;
    }
}
