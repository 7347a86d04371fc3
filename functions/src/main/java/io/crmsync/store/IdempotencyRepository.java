package io.crmsync.store;

import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Idempotency records in the style of AWS Powertools' DynamoDBPersistenceStore: {@link #begin} is one conditional
 * put that succeeds when the key is new, expired, or held by an attempt that overran its in-progress window; the
 * losing caller learns why from the old item returned with the failure, without a second read.
 *
 * <p>Units matter: {@code expiresAt} is DynamoDB TTL in epoch SECONDS, {@code inProgressExpiry} is epoch
 * MILLISECONDS. Comparing one with the other was Powertools bug #1281 (every in-progress record looked expired).
 */
@ApplicationScoped
public class IdempotencyRepository {

    private static final String SK = "IDEMP";
    private static final String IN_PROGRESS = IdempotencyRecord.Status.IN_PROGRESS.name();
    private static final String COMPLETED = IdempotencyRecord.Status.COMPLETED.name();
    /** Results are for small summaries (ids, counts); the whole item must stay far below 400 KB. */
    static final int MAX_RESULT_BYTES = 64 * 1024;

    private final DynamoDbClient dynamo;
    private final String table;

    IdempotencyRepository(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    /**
     * Claims {@code key} for one attempt.
     *
     * @param inProgressTimeout after this, an unfinished attempt is presumed dead and the key can be claimed again
     * @param ttl how long the record (and so the protection against repeats) lives
     * @throws IdempotencyKeyInUseException another attempt is running
     * @throws IdempotencyAlreadyCompletedException the work was done before
     */
    public void begin(String key, Instant now, Duration inProgressTimeout, Duration ttl) {
        StoreKeys.requireId(key, "idempotency key");
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(StoreKeys.idempotency(key), SK));
        item.put("status", s(IN_PROGRESS));
        item.put("inProgressExpiry", n(now.plus(inProgressTimeout).toEpochMilli()));
        item.put(StoreSchema.TTL, n(now.plus(ttl).getEpochSecond()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR #exp < :nowSeconds OR "
                            + "(attribute_exists(inProgressExpiry) AND inProgressExpiry < :nowMillis AND #status = :inprogress)")
                    .expressionAttributeNames(Map.of("#pk", StoreSchema.PK, "#exp", StoreSchema.TTL, "#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":nowSeconds", n(now.getEpochSecond()),
                            ":nowMillis", n(now.toEpochMilli()),
                            ":inprogress", s(IN_PROGRESS)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            IdempotencyRecord existing = fromItem(key, e.item());
            if (existing.status() == IdempotencyRecord.Status.COMPLETED) {
                throw new IdempotencyAlreadyCompletedException(key, existing.result());
            }
            throw new IdempotencyKeyInUseException(key, existing.inProgressUntil());
        }
    }

    /** Marks the attempt done; later {@link #begin} calls with the key fail with the stored result until TTL. */
    public void complete(String key, Optional<String> result, Instant now, Duration ttl) {
        result.ifPresent(r -> {
            if (r.getBytes(StandardCharsets.UTF_8).length > MAX_RESULT_BYTES) {
                throw new IllegalArgumentException("Idempotency result for " + key + " exceeds " + MAX_RESULT_BYTES + " bytes");
            }
        });
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":completed", s(COMPLETED));
        values.put(":inprogress", s(IN_PROGRESS));
        values.put(":exp", n(now.plus(ttl).getEpochSecond()));
        String set = "SET #status = :completed, #exp = :exp";
        if (result.isPresent()) {
            values.put(":result", s(result.get()));
            set += ", #result = :result";
        }
        String update = set + (result.isPresent() ? " REMOVE inProgressExpiry" : " REMOVE inProgressExpiry, #result");
        try {
            dynamo.updateItem(r -> r.tableName(table).key(Attributes.key(StoreKeys.idempotency(key), SK))
                    .updateExpression(update)
                    .conditionExpression("#status = :inprogress")
                    .expressionAttributeNames(Map.of("#status", "status", "#exp", StoreSchema.TTL, "#result", "result"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Idempotency key " + key + " is not in progress (released or completed already)");
        }
    }

    /** Forgets an attempt that failed so a retry can run now rather than after the in-progress timeout. */
    public void release(String key) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(Attributes.key(StoreKeys.idempotency(key), SK))
                    .conditionExpression("#status = :inprogress")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":inprogress", s(IN_PROGRESS))));
        } catch (ConditionalCheckFailedException e) {
            // Completed records are kept (a release after completion must not re-open the key); absent is fine.
        }
    }

    public Optional<IdempotencyRecord> find(String key) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Attributes.key(StoreKeys.idempotency(key), SK))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(key, item));
    }

    private static IdempotencyRecord fromItem(String key, Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            // Only possible if the record vanished between the failed condition and the response.
            throw new IllegalStateException("Idempotency key " + key + " was rejected but has no stored record");
        }
        return new IdempotencyRecord(key,
                Attributes.enumValue(item, "status", IdempotencyRecord.Status.class),
                Instant.ofEpochSecond(Attributes.number(item, StoreSchema.TTL)),
                Attributes.optionalNumber(item, "inProgressExpiry").map(Instant::ofEpochMilli).orElse(null),
                Attributes.optionalString(item, "result"));
    }
}
