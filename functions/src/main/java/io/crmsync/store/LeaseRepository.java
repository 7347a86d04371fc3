package io.crmsync.store;

import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

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
 * Named leases (e.g. "poll#contact") so one worker at a time does a job. Expiry is compared in the condition, not by
 * TTL: DynamoDB deletes expired items up to days late. The TTL only cleans up abandoned leases.
 */
@ApplicationScoped
public class LeaseRepository {

    private static final String SK = "LEASE";
    /** Abandoned lease items are removed this long after they expired. */
    private static final Duration CLEANUP_AFTER = Duration.ofDays(1);

    private final DynamoDbClient dynamo;
    private final String table;

    LeaseRepository(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    /**
     * Takes the lease if it is free, expired, or already ours (then it is extended).
     *
     * @return the lease, or empty when someone else holds it (the current lease is in {@link #current})
     */
    public Optional<Lease> tryAcquire(String name, String holder, Duration duration, Instant now) {
        StoreKeys.requireId(name, "lease name");
        StoreKeys.requireId(holder, "lease holder");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Lease duration must be positive: " + duration);
        }
        Instant until = now.plus(duration);
        Map<String, AttributeValue> item = new HashMap<>(Attributes.key(StoreKeys.lease(name), SK));
        item.put("holder", s(holder));
        item.put("leaseUntil", n(until.toEpochMilli()));
        item.put(StoreSchema.TTL, n(until.plus(CLEANUP_AFTER).getEpochSecond()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk) OR leaseUntil <= :now OR holder = :me")
                    .expressionAttributeNames(Map.of("#pk", StoreSchema.PK))
                    .expressionAttributeValues(Map.of(":now", n(now.toEpochMilli()), ":me", s(holder))));
            return Optional.of(new Lease(name, holder, Instant.ofEpochMilli(until.toEpochMilli())));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** Gives the lease up so the next worker need not wait for expiry. Only the holder can; others get false. */
    public boolean release(String name, String holder) {
        try {
            dynamo.deleteItem(r -> r.tableName(table).key(Attributes.key(StoreKeys.lease(name), SK))
                    .conditionExpression("holder = :me")
                    .expressionAttributeValues(Map.of(":me", s(holder)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.NONE));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** The lease as stored, if held and not expired at {@code now}. */
    public Optional<Lease> current(String name, Instant now) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(Attributes.key(StoreKeys.lease(name), SK))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Instant until = Instant.ofEpochMilli(Attributes.number(item, "leaseUntil"));
        return until.isAfter(now) ? Optional.of(new Lease(name, Attributes.string(item, "holder"), until))
                : Optional.empty();
    }
}
