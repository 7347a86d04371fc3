package io.crmsync.store;

import static io.crmsync.store.Attributes.s;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Polling watermarks per object and side. They only move forward, unless explicitly {@link #reset}. */
@ApplicationScoped
public class WatermarkRepository {

    private static final String SK = "WM";

    private final DynamoDbClient dynamo;
    private final String table;

    WatermarkRepository(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    public Optional<Watermark> find(String objectType, CrmSide side) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Attributes.key(StoreKeys.watermark(objectType, side), SK))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Watermark.CatchUp catchUp = Attributes.optionalInstant(item, "catchUpSince")
                .map(since -> new Watermark.CatchUp(since, Attributes.number(item, "catchUpRead"),
                        Attributes.instant(item, "catchUpProgressAt")))
                .orElse(null);
        return Optional.of(new Watermark(objectType, side, Attributes.instant(item, "modifiedAt"),
                Attributes.string(item, "lastId"), Attributes.instant(item, "updatedAt"), catchUp));
    }

    /**
     * Moves the watermark forward. A late, slower poll run must not rewind what a newer run stored, so a position
     * at or behind the stored one is refused.
     *
     * @return false when the stored watermark is already at or past {@code next}
     */
    public boolean advance(Watermark next) {
        try {
            dynamo.putItem(r -> r.tableName(table).item(toItem(next))
                    .conditionExpression("attribute_not_exists(#pk) OR #pos < :pos")
                    .expressionAttributeNames(Map.of("#pk", StoreSchema.PK, "#pos", "position"))
                    .expressionAttributeValues(Map.of(":pos", s(position(next)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Replaces the watermark a poll run read ({@code readFrom}; empty: there was none) with {@code next}, which may
     * lie behind it: a checkpoint inside a catch-up sits behind the watermark the catch-up began from, and the end of a
     * catch-up moves back to the run's start (the lookback re-reads what committed late). Refused when another run
     * changed the watermark since it was read.
     *
     * @return false when the stored watermark is no longer {@code readFrom}
     */
    public boolean replace(Watermark next, Optional<Watermark> readFrom) {
        try {
            if (readFrom.isEmpty()) {
                dynamo.putItem(r -> r.tableName(table).item(toItem(next))
                        .conditionExpression("attribute_not_exists(#pk)")
                        .expressionAttributeNames(Map.of("#pk", StoreSchema.PK)));
            } else {
                dynamo.putItem(r -> r.tableName(table).item(toItem(next))
                        .conditionExpression("#pos = :from")
                        .expressionAttributeNames(Map.of("#pos", "position"))
                        .expressionAttributeValues(Map.of(":from", s(position(readFrom.get())))));
            }
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Sets the watermark unconditionally, e.g. to re-read everything after a mapping change. */
    public void reset(Watermark watermark) {
        dynamo.putItem(r -> r.tableName(table).item(toItem(watermark)));
    }

    private static Map<String, AttributeValue> toItem(Watermark w) {
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(StoreKeys.watermark(w.objectType(), w.side()), SK));
        item.put("modifiedAt", Attributes.instant(w.modifiedAt()));
        item.put("lastId", s(w.lastId()));
        item.put("updatedAt", Attributes.instant(w.updatedAt()));
        item.put("position", s(position(w)));
        w.catchingUp().ifPresent(c -> {
            item.put("catchUpSince", Attributes.instant(c.since()));
            item.put("catchUpRead", Attributes.n(c.readSoFar()));
            item.put("catchUpProgressAt", Attributes.instant(c.progressAt()));
        });
        return item;
    }

    /**
     * Timestamp then id, as one comparable string, so the "only forward" rule is a single condition. Numeric ids
     * (HubSpot) are zero-padded so that "10" sorts after "9", as the poller's numeric ordering does.
     */
    static String position(Watermark w) {
        String id = w.lastId().chars().allMatch(Character::isDigit) && w.lastId().length() < 20
                ? "0".repeat(20 - w.lastId().length()) + w.lastId()
                : w.lastId();
        return StoreTime.sortable(w.modifiedAt()) + "#" + id;
    }
}
