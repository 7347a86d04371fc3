package io.crmsync.resync;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmsync.config.CrmSyncConfig;
import io.crmsync.store.StoreSchema;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Resync jobs: {@code pk = RESYNC#<id>}, {@code sk = JOB}; one marker {@code sk = BATCH#<batchId>} per counted batch,
 * written in the same transaction as the counters so a redelivered batch is counted once; the planned batches'
 * member ids, {@code sk = PLAN#<n>}, so a fan-out cut short is finished with exactly the batches first planned.
 * Which job answers a request is kept in {@code pk = RESYNCREQ#<listId>#<key>}, {@code sk = KEY}. Everything
 * expires after 30 days: a resync is looked at while it runs and shortly after.
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

    /**
     * The job that answers the request {@code key} for list {@code listId}: {@code candidate} when the key is new,
     * else the job it named first. With {@code replaceFinished} (the key of "the open resync of this list"), a key
     * whose job is finished, or whose job was never recorded past its queuing, goes to {@code candidate}.
     * One conditional put, then compare-and-set on the job id it held, so two requests at once agree on one job.
     */
    public String claimRequest(String listId, String key, String candidate, boolean replaceFinished,
            Duration keep, Instant now) {
        Map<String, AttributeValue> item = new HashMap<>(Map.of(StoreSchema.PK, s("RESYNCREQ#" + listId + "#" + key),
                StoreSchema.SK, s("KEY")));
        item.put("resyncId", s(candidate));
        item.put(StoreSchema.TTL, n(now.plus(keep).getEpochSecond()));
        String condition = "attribute_not_exists(#pk)";
        Map<String, AttributeValue> values = new HashMap<>();
        while (true) {
            try {
                String c = condition;
                // DynamoDB refuses names and values the condition does not use
                Map<String, String> names = values.isEmpty() ? Map.of("#pk", StoreSchema.PK) : Map.of("#id", "resyncId");
                dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression(c)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values.isEmpty() ? null : values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return candidate;
            } catch (ConditionalCheckFailedException e) {
                String holder = e.item() == null || !e.item().containsKey("resyncId") ? null
                        : e.item().get("resyncId").s();
                if (holder == null) {
                    // removed in between (expired): claim it afresh
                    condition = "attribute_not_exists(#pk)";
                    values.clear();
                    continue;
                }
                if (!replaceFinished || !find(holder).map(ResyncJob::finished).orElse(false)) {
                    return holder;
                }
                condition = "#id = :holder";
                values.put(":holder", s(holder));
            }
        }
    }

    /** Records the job unless it is recorded already (a retried request and the worker may both try). */
    public void createIfAbsent(ResyncJob job) {
        try {
            create(job);
        } catch (ConditionalCheckFailedException e) {
            // recorded by the other party: its state is the truth
        }
    }

    /** Stores each planned batch's HubSpot ids, overwriting an earlier attempt's plan of the same job. */
    public void savePlan(String resyncId, List<List<String>> batches, Instant now) {
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            Map<String, AttributeValue> item = new HashMap<>(key(resyncId, planKey(i)));
            item.put("hubspotIds", AttributeValue.fromL(batches.get(i).stream().map(ResyncJobRepository::s).toList()));
            item.put(StoreSchema.TTL, n(now.plus(RETENTION).getEpochSecond()));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (int i = 0; i < writes.size(); i += 25) {
            List<WriteRequest> group = writes.subList(i, Math.min(writes.size(), i + 25));
            Map<String, List<WriteRequest>> pending = Map.of(table, group);
            for (int attempt = 1; !pending.isEmpty() && !pending.getOrDefault(table, List.of()).isEmpty(); attempt++) {
                if (attempt > MAX_CONFLICT_RETRIES) {
                    throw new IllegalStateException("DynamoDB kept " + pending.get(table).size()
                            + " planned batches of resync " + resyncId + " unprocessed");
                }
                var p = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(p)).unprocessedItems();
                if (!pending.isEmpty()) {
                    pauseBeforeRetry(attempt);
                }
            }
        }
    }

    /** Batch {@code n}'s HubSpot ids as planned. */
    public List<String> plannedBatch(String resyncId, int n) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(resyncId, planKey(n)))).item();
        if (item == null || item.isEmpty()) {
            throw new IllegalStateException("Resync " + resyncId + " has no planned batch " + n);
        }
        return item.get("hubspotIds").l().stream().map(AttributeValue::s).toList();
    }

    /**
     * QUEUED to RUNNING with the plan's figures (COMPLETED at once for an empty list), once.
     *
     * @return false when another delivery of the step got there first
     */
    public boolean startRunning(String resyncId, ResyncEstimate estimate, String membershipSnapshotId, Instant now) {
        boolean empty = estimate.members() == 0;
        Map<String, AttributeValue> values = new HashMap<>(estimateValues(estimate));
        values.put(":status", s((empty ? ResyncJob.Status.COMPLETED : ResyncJob.Status.RUNNING).name()));
        values.put(":queued", s(ResyncJob.Status.QUEUED.name()));
        String set = "SET #status = :status, members = :members, batches = :batches, "
                + "estimatedSalesforceCalls = :sf, estimatedHubSpotCalls = :hs";
        if (empty) {
            set += ", finishedAt = :now";
            values.put(":now", s(now.toString()));
        }
        if (membershipSnapshotId != null) {
            set += ", membershipSnapshotId = :snapshot";
            values.put(":snapshot", s(membershipSnapshotId));
        }
        return transition(resyncId, set, values);
    }

    /** QUEUED to REFUSED, nothing queued; {@code estimate} may be null when the members could not be read. */
    public boolean refuse(String resyncId, ResyncEstimate estimate, ResyncJob.Refusal why, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>(estimate == null ? Map.of() : estimateValues(estimate));
        values.put(":status", s(ResyncJob.Status.REFUSED.name()));
        values.put(":queued", s(ResyncJob.Status.QUEUED.name()));
        values.put(":code", s(why.code()));
        values.put(":message", s(why.message()));
        values.put(":now", s(now.toString()));
        String set = "SET #status = :status, errorCode = :code, errorMessage = :message, finishedAt = :now"
                + (estimate == null ? "" : ", members = :members, batches = :batches, "
                        + "estimatedSalesforceCalls = :sf, estimatedHubSpotCalls = :hs");
        return transition(resyncId, set, values);
    }

    private boolean transition(String resyncId, String set, Map<String, AttributeValue> values) {
        try {
            dynamo.updateItem(r -> r.tableName(table).key(key(resyncId, "JOB")).updateExpression(set)
                    .conditionExpression("#status = :queued")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> estimateValues(ResyncEstimate estimate) {
        return Map.of(":members", n(estimate.members()), ":batches", n(estimate.batches()),
                ":sf", n(estimate.salesforceCalls()), ":hs", n(estimate.hubspotCalls()));
    }

    /** The fan-out a RUNNING job still owes (its batches were not all confirmed queued), if any. */
    public Optional<PendingFanOut> pendingFanOut(String resyncId) {
        var item = dynamo.getItem(r -> r.tableName(table).consistentRead(true).key(key(resyncId, "JOB"))).item();
        if (item == null || item.isEmpty() || !ResyncJob.Status.RUNNING.name().equals(item.get("status").s())
                || item.containsKey("queuedAt")) {
            return Optional.empty();
        }
        AttributeValue snapshot = item.get("membershipSnapshotId");
        return Optional.of(new PendingFanOut(item.get("object").s(), (int) num(item, "batches"),
                snapshot == null ? null : snapshot.s()));
    }

    /** A RUNNING job's batches as planned: how many, and the membership snapshot they are judged by. */
    public record PendingFanOut(String object, int batches, String membershipSnapshotId) {
    }

    /** Every planned batch is on the queue: a redelivered step has nothing left to do. */
    public void markQueued(String resyncId, Instant now) {
        dynamo.updateItem(r -> r.tableName(table).key(key(resyncId, "JOB"))
                .updateExpression("SET queuedAt = :now").expressionAttributeValues(Map.of(":now", s(now.toString()))));
    }

    private static String planKey(int n) {
        return String.format("PLAN#%06d", n);
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
                item.containsKey("finishedAt") ? Instant.parse(item.get("finishedAt").s()) : null,
                item.containsKey("errorCode")
                        ? new ResyncJob.Refusal(item.get("errorCode").s(), item.get("errorMessage").s()) : null);
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
