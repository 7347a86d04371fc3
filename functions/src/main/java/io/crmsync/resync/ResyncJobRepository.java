package io.crmsync.resync;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.crmsync.config.CrmSyncConfig;
import io.crmsync.store.StoreSchema;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * Resync jobs: {@code pk = RESYNC#<id>}, {@code sk = JOB}; one marker {@code sk = BATCH#<batchId>} per counted batch,
 * written in the same transaction as the counters so a redelivered batch is counted once. Jobs and markers expire
 * after 30 days: a resync is looked at while it runs and shortly after.
 */
@ApplicationScoped
public class ResyncJobRepository {

    private static final int MAX_CONFLICT_RETRIES = 8;

    private static final Duration RETENTION = Duration.ofDays(30);

    private final DynamoDbClient dynamo;
    private final String table;

    ResyncJobRepository(DynamoDbClient dynamo, CrmSyncConfig config) {
        this.dynamo = dynamo;
        this.table = config.tableName();
    }

    public ResyncJob create(ResyncJob job) {
        Map<String, AttributeValue> item = new HashMap<>(key(job.resyncId(), "JOB"));
        item.put("object", s(job.object()));
        item.put("listId", s(job.listId()));
        item.put("status", s(job.status().name()));
        item.put("members", n(job.members()));
        item.put("batches", n(job.batches()));
        item.put("estimatedSalesforceCalls", n(job.estimatedSalesforceCalls()));
        item.put("estimatedHubSpotCalls", n(job.estimatedHubSpotCalls()));
        item.put("batchesDone", n(0));
        item.put("processed", n(0));
        item.put("written", n(0));
        item.put("failed", n(0));
        item.put("createdAt", s(job.createdAt().toString()));
        if (job.finishedAt() != null) {
            item.put("finishedAt", s(job.finishedAt().toString()));
        }
        item.put(StoreSchema.TTL, n(job.createdAt().plus(RETENTION).getEpochSecond()));
        dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", StoreSchema.PK)));
        return job;
    }

    public Optional<ResyncJob> find(String resyncId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(resyncId, "JOB"))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(resyncId, item));
    }

    /**
     * Counts one finished batch exactly once, then marks the job finished when every batch is counted.
     *
     * @return false when this batch was counted before (SQS redelivery) or the job no longer exists
     */
    public boolean applyBatch(String resyncId, String batchId, long processed, long written, long failed, Instant now) {
        for (int attempt = 1; ; attempt++) {
            try {
                boolean counted = countOnce(resyncId, batchId, processed, written, failed, now);
                // Also on a repeat: the first delivery may have counted the last batch and died before finishing
                // the job, which would otherwise stay RUNNING for good.
                finishIfDone(resyncId, now);
                return counted;
            } catch (TransactionCanceledException e) {
                // Another batch's count touched the job item at the same moment: DynamoDB cancelled this one, which
                // is not a repeat. Try again after a pause, as DynamoDB advises for TransactionConflict.
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** A short random pause (up to 20 ms times the attempt), so conflicting writers do not collide again in step. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 20L * attempt + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a resync progress update", e);
        }
    }

    /**
     * @return false when the batch was counted before or the job is gone
     * @throws TransactionCanceledException when the transaction conflicted with another (to retry)
     */
    private boolean countOnce(String resyncId, String batchId, long processed, long written, long failed,
            Instant now) {
        Map<String, AttributeValue> marker = new HashMap<>(key(resyncId, "BATCH#" + batchId));
        marker.put("appliedAt", s(now.toString()));
        marker.put(StoreSchema.TTL, n(now.plus(RETENTION).getEpochSecond()));
        try {
            dynamo.transactWriteItems(r -> r.transactItems(
                    TransactWriteItem.builder().put(Put.builder().tableName(table).item(marker)
                            .conditionExpression("attribute_not_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", StoreSchema.PK)).build()).build(),
                    TransactWriteItem.builder().update(Update.builder().tableName(table).key(key(resyncId, "JOB"))
                            .updateExpression("ADD #done :one, #processed :p, #written :w, #failed :f")
                            .conditionExpression("attribute_exists(#pk)")
                            .expressionAttributeNames(Map.of("#pk", StoreSchema.PK, "#done", "batchesDone",
                                    "#processed", "processed", "#written", "written", "#failed", "failed"))
                            .expressionAttributeValues(Map.of(":one", n(1), ":p", n(processed), ":w", n(written),
                                    ":f", n(failed))).build()).build()));
        } catch (TransactionCanceledException e) {
            // A failed condition means a repeat (marker exists) or a deleted job; anything else is a conflict.
            boolean conditionFailed = e.hasCancellationReasons() && e.cancellationReasons().stream()
                    .anyMatch(r -> "ConditionalCheckFailed".equals(r.code()));
            if (conditionFailed) {
                return false;
            }
            throw e;
        }
        return true;
    }

    /**
     * Marks the job finished once every batch is counted, in one conditional update per outcome (with errors first),
     * so no crash can leave it COMPLETED when batches failed. Idempotent: a finished job is left as it is.
     */
    private void finishIfDone(String resyncId, Instant now) {
        if (!finishAs(resyncId, ResyncJob.Status.COMPLETED_WITH_ERRORS, "#failed > :zero", now)) {
            finishAs(resyncId, ResyncJob.Status.COMPLETED, "#failed <= :zero", now);
        }
    }

    private boolean finishAs(String resyncId, ResyncJob.Status status, String failedCondition, Instant now) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(resyncId, "JOB"))
                    .updateExpression("SET #status = :done, #finishedAt = :now")
                    .conditionExpression("#status = :running AND #done >= #batches AND " + failedCondition)
                    .expressionAttributeNames(Map.of("#status", "status", "#finishedAt", "finishedAt",
                            "#done", "batchesDone", "#batches", "batches", "#failed", "failed"))
                    .expressionAttributeValues(Map.of(":done", s(status.name()), ":zero", n(0),
                            ":running", s(ResyncJob.Status.RUNNING.name()), ":now", s(now.toString()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static ResyncJob fromItem(String resyncId, Map<String, AttributeValue> item) {
        return new ResyncJob(resyncId, item.get("object").s(), item.get("listId").s(),
                ResyncJob.Status.valueOf(item.get("status").s()), num(item, "members"), num(item, "batches"),
                num(item, "estimatedSalesforceCalls"), num(item, "estimatedHubSpotCalls"), num(item, "batchesDone"),
                num(item, "processed"), num(item, "written"), num(item, "failed"),
                Instant.parse(item.get("createdAt").s()),
                item.containsKey("finishedAt") ? Instant.parse(item.get("finishedAt").s()) : null);
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    private static Map<String, AttributeValue> key(String resyncId, String sk) {
        return Map.of(StoreSchema.PK, s("RESYNC#" + resyncId), StoreSchema.SK, s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
