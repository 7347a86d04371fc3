package io.crmsync.store;

import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmsync.config.CrmSyncConfig;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Import jobs: creation, listing newest first, exactly-once counter updates per chunk, and status changes. Status
 * changes are conditional on the current status, so a finished job is never reopened by a late worker.
 */
@ApplicationScoped
public class ImportJobRepository {

    /** Chunk markers only need to outlive SQS redelivery (max retention 14 days). */
    static final Duration CHUNK_MARKER_TTL = Duration.ofDays(15);
    private static final int MAX_LIST_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;
    private final ImportJobTransitions transitions;

    ImportJobRepository(DynamoDbClient dynamo, Transactions transactions, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = config.tableName();
        this.transitions = new ImportJobTransitions(dynamo, transactions, table);
    }

    /** Stores a new QUEUED job. */
    public ImportJob create(String jobId, String definitionJson, Instant now) {
        StoreKeys.requireId(jobId, "jobId");
        JsonText.requireObject(definitionJson, "Import definition of job " + jobId);
        ImportJob job = new ImportJob(jobId, ImportStatus.QUEUED, definitionJson, ImportCounters.ZERO, Map.of(), now,
                null, null, null, false, null);
        try {
            dynamo.putItem(r -> r.tableName(table).item(ImportJobMapper.toNewItem(job))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", StoreSchema.PK)));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("Import job " + jobId + " already exists");
        }
        return job;
    }

    public Optional<ImportJob> find(String jobId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(ImportJobMapper.key(jobId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ImportJobMapper.fromItem(item));
    }

    public ImportJob get(String jobId) {
        return find(jobId).orElseThrow(() -> new ImportJobNotFoundException(jobId));
    }

    /** Jobs newest first (by creation time), {@code limit} at most per page. */
    public Page<ImportJob> list(Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_LIST_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIST_LIMIT + ", got " + limit);
        }
        Map<String, AttributeValue> start = PageCursor.decode(cursor,
                Set.of(StoreSchema.PK, StoreSchema.SK, StoreSchema.GSI2_PK, StoreSchema.GSI2_SK),
                StoreSchema.GSI2_PK, ImportJobMapper.LIST_PK);
        QueryResponse response = dynamo.query(r -> r.tableName(table).indexName(StoreSchema.GSI2)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", StoreSchema.GSI2_PK))
                .expressionAttributeValues(Map.of(":pk", s(ImportJobMapper.LIST_PK)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(start));
        return new Page<>(response.items().stream().map(ImportJobMapper::fromItem).toList(),
                PageCursor.encode(response.lastEvaluatedKey()));
    }

    /** Sets the number of records the import will read, once known. */
    public void setTotal(String jobId, long total, Instant now) {
        transitions.update(jobId, "SET #total = :total, updatedAt = :now", Map.of("#total", "total"),
                Map.of(":total", n(total), ":now", Attributes.instant(now)), "set its total", false);
    }

    /**
     * Adds one chunk's counts to the job exactly once: a chunk marker is put with {@code attribute_not_exists} in the
     * same transaction as the counter update, so a redelivered SQS message changes nothing.
     *
     * @return true if applied now, false if this chunk was applied before
     * @throws ImportJobNotFoundException when the job does not exist
     */
    public boolean applyChunk(String jobId, String chunkId, ImportCounters delta, Map<String, Long> errorsByCategory,
            Instant now) {
        StoreKeys.requireId(chunkId, "chunkId");
        CounterUpdate update = CounterUpdate.of(delta, errorsByCategory, now);
        Map<String, AttributeValue> marker = new HashMap<>(
                Attributes.key(StoreKeys.importJob(jobId), StoreKeys.importChunk(chunkId)));
        marker.put("appliedAt", Attributes.instant(now));
        marker.put(StoreSchema.TTL, n(now.plus(CHUNK_MARKER_TTL).getEpochSecond()));
        Map<String, String> names = new HashMap<>(update.names());
        names.put("#pk", StoreSchema.PK);
        try {
            transactions.write(dynamo, r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker)
                            .conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", StoreSchema.PK)).build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table)
                            .key(ImportJobMapper.key(jobId))
                            .updateExpression(update.expression())
                            .conditionExpression("attribute_exists(#pk)")
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(update.values()).build()).build()));
            return true;
        } catch (TransactionCanceledException e) {
            if (Transactions.conditionFailed(e, 1)) {
                throw new ImportJobNotFoundException(jobId);
            }
            if (Transactions.conditionFailed(e, 0)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The Id boundaries phase {@code phase} is read in ranges at: the first ones stored stand, so a redelivered first
     * page (which may see other records by then) splits exactly as the attempt whose ranges are already queued.
     */
    public List<String> splitOnce(String jobId, int phase, List<String> boundaries, Instant now) {
        Map<String, AttributeValue> key = Attributes.key(StoreKeys.importJob(jobId), StoreKeys.importSplit(phase));
        Map<String, AttributeValue> item = new HashMap<>(key);
        item.put("boundaries", AttributeValue.fromL(boundaries.stream().map(AttributeValue::fromS).toList()));
        item.put(StoreSchema.TTL, n(now.plus(CHUNK_MARKER_TTL).getEpochSecond()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", StoreSchema.PK)));
            return List.copyOf(boundaries);
        } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException e) {
            var stored = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
            return stored.get("boundaries").l().stream().map(AttributeValue::s).toList();
        }
    }

    /**
     * How many of the job's chunks whose id starts with {@code chunkIdPrefix} were applied: chunks run in parallel,
     * and the last one must not finish the job before the others are counted. Strongly consistent; the markers are
     * the chunk's own items, so this reads nothing else.
     */
    public int appliedChunks(String jobId, String chunkIdPrefix) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(r -> r.tableName(table).consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", StoreSchema.PK, "#sk", StoreSchema.SK))
                    .expressionAttributeValues(Map.of(":pk", s(StoreKeys.importJob(jobId)),
                            ":prefix", s(StoreKeys.importChunk(chunkIdPrefix))))
                    .select(software.amazon.awssdk.services.dynamodb.model.Select.COUNT)
                    .exclusiveStartKey(from));
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Adds to the counters without a chunk marker: for callers that are not redelivered. Atomic, not idempotent. */
    public void addCounters(String jobId, ImportCounters delta, Map<String, Long> errorsByCategory, Instant now) {
        CounterUpdate update = CounterUpdate.of(delta, errorsByCategory, now);
        transitions.update(jobId, update.expression(), update.names(), update.values(), "count records", false);
    }

    /**
     * Remembers why the latest attempt at one of the job's chunks failed (cut to 1,000 characters, no secrets), so
     * whoever finds the chunk in the dead-letter queue can say why the job failed. Does not change the status.
     */
    public void recordAttemptFailure(String jobId, String reason, Instant now) {
        String cut = reason == null ? "unknown" : reason.length() > 1_000 ? reason.substring(0, 1_000) : reason;
        transitions.update(jobId, "SET lastAttemptFailure = :reason, updatedAt = :now", Map.of(),
                Map.of(":reason", s(cut), ":now", Attributes.instant(now)), "record a failed attempt", false);
    }

    /** The reason recorded by {@link #recordAttemptFailure}, if any attempt failed. */
    public Optional<String> lastAttemptFailure(String jobId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(ImportJobMapper.key(jobId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Attributes.optionalString(item, "lastAttemptFailure");
    }

    /** QUEUED or PAUSED_API_BUDGET (or already RUNNING) -> RUNNING; the first start time is kept. */
    public ImportJob markRunning(String jobId, Instant now) {
        return transitions.markRunning(jobId, now);
    }

    /** RUNNING -> PAUSED_API_BUDGET until the budget is expected back. */
    public ImportJob pauseForApiBudget(String jobId, Instant until, Instant now) {
        return transitions.pause(jobId, until, now);
    }

    /** RUNNING -> COMPLETED, or COMPLETED_WITH_ERRORS when any record failed. */
    public ImportJob complete(String jobId, Instant now) {
        return transitions.complete(jobId, now);
    }

    /** Any unfinished status -> FAILED, with a reason for the user (no secrets, cut to 1,000 characters). */
    public ImportJob fail(String jobId, String reason, Instant now) {
        return transitions.fail(jobId, reason, now);
    }

    /** Raises the cancel flag that workers check between chunks. Refused once the job finished. */
    public ImportJob requestCancel(String jobId, Instant now) {
        return transitions.requestCancel(jobId, now);
    }

    /** Any unfinished status -> CANCELLED, once workers have stopped. */
    public ImportJob markCancelled(String jobId, Instant now) {
        return transitions.markCancelled(jobId, now);
    }
}
