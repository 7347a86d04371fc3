package io.crmsync.store;

import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Sync errors. Open errors are listed through a sparse gsi2 (partition per object, sorted by category then record
 * ids), so listing by object, by object and category, and counting by category are all queries on one partition.
 */
@ApplicationScoped
public class SyncErrorRepository {

    /** How long a resolved error stays readable before DynamoDB's TTL removes it. */
    public static final Duration RESOLVED_RETENTION = Duration.ofDays(30);
    static final int MAX_MESSAGE_LENGTH = 2_000;
    private static final int MAX_LIST_LIMIT = 200;

    private final DynamoDbClient dynamo;
    private final String table;

    SyncErrorRepository(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    /**
     * Records a failure: creates the error, or counts another attempt of an existing one (re-opening it if it was
     * resolved).
     */
    public SyncError record(String objectType, String hubspotId, String salesforceId, String category, String message,
            Instant now) {
        validate(objectType, hubspotId, salesforceId, category);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":type", s(objectType));
        values.put(":cat", s(category));
        values.put(":msg", s(cut(message)));
        values.put(":now", Attributes.instant(now));
        values.put(":one", n(1));
        values.put(":no", Attributes.bool(false));
        values.put(":gpk", s(StoreKeys.openSyncErrors(objectType)));
        values.put(":gsk", s(StoreKeys.openSyncErrorSort(category, hubspotId, salesforceId)));
        StringBuilder set = new StringBuilder("SET objectType = :type, category = :cat, message = :msg, lastSeen = :now,"
                + " firstSeen = if_not_exists(firstSeen, :now), resolved = :no, #gpk = :gpk, #gsk = :gsk");
        if (hubspotId != null) {
            values.put(":hs", s(hubspotId));
            set.append(", hubspotId = :hs");
        }
        if (salesforceId != null) {
            values.put(":sf", s(salesforceId));
            set.append(", salesforceId = :sf");
        }
        String update = set + " ADD attempts :one REMOVE resolvedAt, #ttl";
        var response = dynamo.updateItem(r -> r.tableName(table)
                .key(SyncErrorMapper.key(objectType, hubspotId, salesforceId, category))
                .updateExpression(update)
                .expressionAttributeNames(Map.of("#gpk", StoreSchema.GSI2_PK, "#gsk", StoreSchema.GSI2_SK,
                        "#ttl", StoreSchema.TTL))
                .expressionAttributeValues(values)
                .returnValues(ReturnValue.ALL_NEW));
        return SyncErrorMapper.fromItem(response.attributes());
    }

    /**
     * Marks the error resolved: it leaves the open list and is deleted by TTL after {@link #RESOLVED_RETENTION}.
     *
     * @return the resolved error, or empty if there is no such error
     */
    public Optional<SyncError> resolve(String objectType, String hubspotId, String salesforceId, String category,
            Instant now) {
        validate(objectType, hubspotId, salesforceId, category);
        try {
            var response = dynamo.updateItem(r -> r.tableName(table)
                    .key(SyncErrorMapper.key(objectType, hubspotId, salesforceId, category))
                    .updateExpression("SET resolved = :yes, resolvedAt = :now, #ttl = :ttl REMOVE #gpk, #gsk")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", StoreSchema.PK, "#ttl", StoreSchema.TTL,
                            "#gpk", StoreSchema.GSI2_PK, "#gsk", StoreSchema.GSI2_SK))
                    .expressionAttributeValues(Map.of(":yes", Attributes.bool(true), ":now", Attributes.instant(now),
                            ":ttl", n(now.plus(RESOLVED_RETENTION).getEpochSecond())))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(SyncErrorMapper.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Resolves the open errors recorded while the record had no partner yet (keyed by one side's id only): a failed
     * create, a refused input. Called once the record is paired and synced; otherwise those errors would stay in Sync
     * Health and be retried forever, since no later sync records or resolves them under their one-sided key.
     * One BatchGetItem for the possible keys, an update only for errors that exist and are open.
     *
     * @return how many were resolved
     */
    public int resolveBeforePairing(String objectType, String hubspotId, String salesforceId,
            List<String> categories, Instant now) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String category : categories) {
            keys.add(SyncErrorMapper.key(objectType, hubspotId, null, category));
            keys.add(SyncErrorMapper.key(objectType, null, salesforceId, category));
        }
        int resolved = 0;
        for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, keys)) {
            SyncError open = SyncErrorMapper.fromItem(item);
            if (!open.resolved()
                    && resolve(objectType, open.hubspotId(), open.salesforceId(), open.category(), now).isPresent()) {
                resolved++;
            }
        }
        return resolved;
    }

    public Optional<SyncError> find(String objectType, String hubspotId, String salesforceId, String category) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true)
                .key(SyncErrorMapper.key(objectType, hubspotId, salesforceId, category))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(SyncErrorMapper.fromItem(item));
    }

    /** Open errors of an object, optionally of one category, ordered by category then record ids. */
    public Page<SyncError> listOpen(String objectType, Optional<String> category, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST_LIMIT + ", got " + limit);
        }
        String partition = StoreKeys.openSyncErrors(objectType);
        Map<String, AttributeValue> start = PageCursor.decode(cursor,
                Set.of(StoreSchema.PK, StoreSchema.SK, StoreSchema.GSI2_PK, StoreSchema.GSI2_SK),
                StoreSchema.GSI2_PK, partition);
        QueryResponse response = dynamo.query(openQuery(partition, category).limit(limit).exclusiveStartKey(start)
                .build());
        return new Page<>(response.items().stream().map(SyncErrorMapper::fromItem).toList(),
                PageCursor.encode(response.lastEvaluatedKey()));
    }

    /** Number of open errors per category for one object, categories in alphabetical order. */
    public Map<String, Long> countOpenByCategory(String objectType) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamo.query(openQuery(StoreKeys.openSyncErrors(objectType), Optional.empty())
                    .projectionExpression("category").exclusiveStartKey(start).build());
            response.items().forEach(item -> counts.merge(Attributes.string(item, "category"), 1L, Long::sum));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return counts;
    }

    private QueryRequest.Builder openQuery(String partition, Optional<String> category) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(partition));
        String condition = "#pk = :pk";
        Map<String, String> names = new HashMap<>(Map.of("#pk", StoreSchema.GSI2_PK));
        if (category.isPresent()) {
            StoreKeys.requireId(category.get(), "category");
            condition += " AND begins_with(#sk, :prefix)";
            names.put("#sk", StoreSchema.GSI2_SK);
            values.put(":prefix", s(category.get() + "#"));
        }
        return QueryRequest.builder().tableName(table).indexName(StoreSchema.GSI2)
                .keyConditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values);
    }

    private static void validate(String objectType, String hubspotId, String salesforceId, String category) {
        StoreKeys.requireId(objectType, "objectType");
        StoreKeys.requireId(category, "category");
        if (hubspotId == null && salesforceId == null) {
            throw new IllegalArgumentException("A sync error needs a HubSpot id, a Salesforce id, or both");
        }
        if (hubspotId != null) {
            StoreKeys.requireId(hubspotId, "hubspotId");
        }
        if (salesforceId != null) {
            StoreKeys.requireId(salesforceId, "salesforceId");
        }
    }

    private static String cut(String message) {
        String m = message == null || message.isBlank() ? "(no message)" : message;
        return m.length() <= MAX_MESSAGE_LENGTH ? m : m.substring(0, MAX_MESSAGE_LENGTH) + "…";
    }
}
