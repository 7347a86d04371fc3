package io.crmsync.store;

import java.time.Instant;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** SyncError <-> item. Open errors carry gsi2 keys; resolving removes them, which drops the error from gsi2. */
final class SyncErrorMapper {

    static final String SK = "ERR";

    private SyncErrorMapper() {
    }

    static Map<String, AttributeValue> key(String objectType, String hubspotId, String salesforceId, String category) {
        return Attributes.key(StoreKeys.syncError(objectType, hubspotId, salesforceId, category), SK);
    }

    static SyncError fromItem(Map<String, AttributeValue> item) {
        return new SyncError(
                Attributes.string(item, "objectType"),
                Attributes.optionalString(item, "hubspotId").orElse(null),
                Attributes.optionalString(item, "salesforceId").orElse(null),
                Attributes.string(item, "category"),
                Attributes.optionalString(item, "message").orElse(""),
                Attributes.number(item, "attempts"),
                Attributes.instant(item, "firstSeen"),
                Attributes.instant(item, "lastSeen"),
                Attributes.bool(item, "resolved"),
                Attributes.optionalInstant(item, "resolvedAt").orElse(null),
                Attributes.optionalNumber(item, StoreSchema.TTL).map(Instant::ofEpochSecond).orElse(null));
    }
}
