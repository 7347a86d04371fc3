package io.crmsync.store;

import static io.crmsync.store.Attributes.n;
import static io.crmsync.store.Attributes.s;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * Conditional status updates of an import job. Each is one UpdateItem whose condition names the statuses it may
 * leave; a refusal returns the stored job with the failure (no extra read) to explain itself.
 */
final class ImportJobTransitions {

    private static final int MAX_REASON_LENGTH = 1_000;

    private final DynamoDbClient dynamo;
    private final Transactions transactions;
    private final String table;

    ImportJobTransitions(DynamoDbClient dynamo, Transactions transactions, String table) {
        this.dynamo = dynamo;
        this.transactions = transactions;
        this.table = table;
    }

    ImportJob markRunning(String jobId, Instant now) {
        return update(jobId, "SET #status = :running, startedAt = if_not_exists(startedAt, :now), updatedAt = :now"
                + " REMOVE pausedUntil",
                Map.of("#status", "status"),
                Map.of(":running", status(ImportStatus.RUNNING), ":now", Attributes.instant(now),
                        ":no", Attributes.bool(false)),
                "start running", true, "cancelRequested = :no");
    }

    ImportJob pause(String jobId, Instant until, Instant now) {
        return update(jobId, "SET #status = :paused, pausedUntil = :until, updatedAt = :now",
                Map.of("#status", "status"),
                Map.of(":paused", status(ImportStatus.PAUSED_API_BUDGET), ":until", Attributes.instant(until),
                        ":now", Attributes.instant(now), ":running", status(ImportStatus.RUNNING)),
                "pause", false, "#status = :running");
    }

    ImportJob complete(String jobId, Instant now) {
        Map<String, String> names = Map.of("#status", "status", "#failed", "failed");
        try {
            return update(jobId, "SET #status = :done, finishedAt = :now, updatedAt = :now", names,
                    Map.of(":done", status(ImportStatus.COMPLETED), ":now", Attributes.instant(now),
                            ":running", status(ImportStatus.RUNNING), ":zero", n(0)),
                    "complete", false, "#status = :running AND #failed = :zero");
        } catch (ImportJobStateException e) {
            if (e.current() != ImportStatus.RUNNING) {
                throw e;
            }
            // Still running, so the "failed = 0" part refused it: some records failed.
            return update(jobId, "SET #status = :done, finishedAt = :now, updatedAt = :now",
                    Map.of("#status", "status"),
                    Map.of(":done", status(ImportStatus.COMPLETED_WITH_ERRORS), ":now", Attributes.instant(now),
                            ":running", status(ImportStatus.RUNNING)),
                    "complete", false, "#status = :running");
        }
    }

    ImportJob fail(String jobId, String reason, Instant now) {
        String cut = reason == null ? "unknown" : reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        return update(jobId, "SET #status = :failed, failureReason = :reason, finishedAt = :now, updatedAt = :now",
                Map.of("#status", "status"),
                Map.of(":failed", status(ImportStatus.FAILED), ":reason", s(cut), ":now", Attributes.instant(now)),
                "fail", true, null);
    }

    ImportJob requestCancel(String jobId, Instant now) {
        return update(jobId, "SET cancelRequested = :yes, updatedAt = :now", Map.of(),
                Map.of(":yes", Attributes.bool(true), ":now", Attributes.instant(now)),
                "be cancelled", true, null);
    }

    ImportJob markCancelled(String jobId, Instant now) {
        return update(jobId, "SET #status = :cancelled, cancelRequested = :yes, finishedAt = :now, updatedAt = :now",
                Map.of("#status", "status"),
                Map.of(":cancelled", status(ImportStatus.CANCELLED), ":yes", Attributes.bool(true),
                        ":now", Attributes.instant(now)),
                "be cancelled", true, null);
    }

    /**
     * Runs one conditional update: the job must exist, be unfinished if {@code requireUnfinished}, and meet
     * {@code extraCondition} if given.
     */
    ImportJob update(String jobId, String expression, Map<String, String> names, Map<String, AttributeValue> values,
            String attempted, boolean requireUnfinished, String extraCondition) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#pk", StoreSchema.PK);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        StringBuilder condition = new StringBuilder("attribute_exists(#pk)");
        if (requireUnfinished) {
            allNames.put("#status", "status");
            condition.append(" AND #status IN (:st0, :st1, :st2)");
            allValues.put(":st0", status(ImportStatus.QUEUED));
            allValues.put(":st1", status(ImportStatus.RUNNING));
            allValues.put(":st2", status(ImportStatus.PAUSED_API_BUDGET));
        }
        if (extraCondition != null) {
            condition.append(" AND ").append(extraCondition);
        }
        try {
            // Chunk transactions hold the job item now and then; a plain update then meets a conflict, not a failure.
            var response = transactions.retryingConflicts(() -> dynamo.updateItem(r -> r.tableName(table)
                    .key(ImportJobMapper.key(jobId))
                    .updateExpression(expression)
                    .conditionExpression(condition.toString())
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)));
            return ImportJobMapper.fromItem(response.attributes());
        } catch (ConditionalCheckFailedException e) {
            if (e.item() == null || e.item().isEmpty()) {
                throw new ImportJobNotFoundException(jobId);
            }
            ImportJob current = ImportJobMapper.fromItem(e.item());
            throw new ImportJobStateException(jobId, current.status(),
                    attempted + (current.cancelRequested() ? " (cancel requested)" : ""));
        }
    }

    ImportJob update(String jobId, String expression, Map<String, String> names, Map<String, AttributeValue> values,
            String attempted, boolean requireUnfinished) {
        return update(jobId, expression, names, values, attempted, requireUnfinished, null);
    }

    private static AttributeValue status(ImportStatus status) {
        return s(status.name());
    }
}
