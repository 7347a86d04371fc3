package io.crmsync.store;

import static io.crmsync.store.Attributes.instant;
import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Pairing <-> item, and the guard item that makes a Salesforce id belong to at most one pairing. */
final class PairingMapper {

    static final String SK = "PAIR";
    static final String GUARD_SK = "GUARD";

    private PairingMapper() {
    }

    static Map<String, AttributeValue> key(String objectType, String hubspotId) {
        return Attributes.key(StoreKeys.pairing(objectType, hubspotId), SK);
    }

    static Map<String, AttributeValue> guardKey(String objectType, String salesforceId) {
        return Attributes.key(StoreKeys.pairingBySalesforce(objectType, salesforceId), GUARD_SK);
    }

    static Map<String, AttributeValue> guardItem(Pairing pairing) {
        Map<String, AttributeValue> item = new HashMap<>(guardKey(pairing.objectType(), pairing.salesforceId()));
        item.put("hubspotId", s(pairing.hubspotId()));
        return item;
    }

    static Map<String, AttributeValue> toItem(Pairing p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.objectType(), p.hubspotId()));
        item.put(StoreSchema.GSI1_PK, s(StoreKeys.pairingBySalesforce(p.objectType(), p.salesforceId())));
        item.put(StoreSchema.GSI1_SK, s(SK));
        item.put("objectType", s(p.objectType()));
        item.put("hubspotId", s(p.hubspotId()));
        item.put("salesforceId", s(p.salesforceId()));
        item.put("salesforceType", s(p.salesforceType().name()));
        // Long text is stored as a digest (LongValues): the item stays far below 400 KB whatever the fields hold.
        item.put("hubspotValues", Attributes.stringMap(LongValues.compactAll(p.hubspotValues())));
        item.put("salesforceValues", Attributes.stringMap(LongValues.compactAll(p.salesforceValues())));
        if (p.lastSyncedAt() != null) {
            item.put("lastSyncedAt", instant(p.lastSyncedAt()));
        }
        item.put("version", n(p.version()));
        item.put("history", AttributeValue.fromL(p.history().stream().map(PairingMapper::toAttribute).toList()));
        return item;
    }

    static Pairing fromItem(Map<String, AttributeValue> item) {
        List<FieldChange> history = new ArrayList<>();
        AttributeValue list = item.get("history");
        if (list != null && list.hasL()) {
            for (AttributeValue entry : list.l()) {
                history.add(fromAttribute(item, entry));
            }
        }
        return new Pairing(
                Attributes.string(item, "objectType"),
                Attributes.string(item, "hubspotId"),
                Attributes.string(item, "salesforceId"),
                Attributes.enumValue(item, "salesforceType", SalesforceType.class),
                Attributes.stringMap(item, "hubspotValues"),
                Attributes.stringMap(item, "salesforceValues"),
                Attributes.optionalInstant(item, "lastSyncedAt").orElse(null),
                Attributes.number(item, "version"),
                history);
    }

    private static AttributeValue toAttribute(FieldChange change) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("at", instant(change.at()));
        m.put("field", s(change.field()));
        m.put("direction", s(change.direction().name()));
        putNullable(m, "old", LongValues.forHistory(change.oldValue()));
        putNullable(m, "new", LongValues.forHistory(change.newValue()));
        putNullable(m, "note", change.note());
        return AttributeValue.fromM(m);
    }

    private static FieldChange fromAttribute(Map<String, AttributeValue> item, AttributeValue entry) {
        if (!entry.hasM()) {
            throw new CorruptItemException(Attributes.pk(item), "history", "holds an entry that is not a map");
        }
        Map<String, AttributeValue> m = new HashMap<>(entry.m());
        m.put(StoreSchema.PK, item.get(StoreSchema.PK)); // so errors name the pairing
        return new FieldChange(
                Attributes.instant(m, "at"),
                Attributes.string(m, "field"),
                Attributes.optionalString(m, "old").orElse(null),
                Attributes.optionalString(m, "new").orElse(null),
                Attributes.enumValue(m, "direction", SyncDirection.class),
                Attributes.optionalString(m, "note").orElse(null));
    }

    private static void putNullable(Map<String, AttributeValue> m, String name, String value) {
        if (value != null) {
            m.put(name, s(value));
        }
    }
}
