package io.crmsync.store;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Runs TransactWriteItems, retrying when DynamoDB cancels it only because another transaction touched the same item
 * at the same time (reason TransactionConflict): concurrent chunk workers updating one job's counters do that
 * routinely, and the SDK does not retry cancelled transactions itself. Conditional failures are not retried.
 * A plain write to an item that a transaction is changing fails with TransactionConflictException, which the SDK
 * does not retry either; {@link #retryingConflicts} covers those writes.
 * <p>
 * A bean, not a static helper: the guard is built once the CDI container runs. A static guard was built when
 * Quarkus' SnapStart class preloading initialised this class, before CDI existed, which broke SmallRye Fault
 * Tolerance's programmatic API for every later caller in the deployed functions (PackagedFunctionsIT).
 */
@ApplicationScoped
public class Transactions {

    private final Guard conflictRetry = Guard.create()
            .withDescription("dynamodb-transaction-conflict")
            .withRetry()
            .maxRetries(20)
            .delay(10, ChronoUnit.MILLIS)
            .jitter(10, ChronoUnit.MILLIS)
            .maxDuration(10, ChronoUnit.SECONDS)
            .whenException(Transactions::isConflictOnly)
            .withExponentialBackoff().factor(2).maxDelay(400, ChronoUnit.MILLIS).done()
            .done()
            .build();

    void write(DynamoDbClient dynamo, Consumer<TransactWriteItemsRequest.Builder> request) {
        TransactWriteItemsRequest built = TransactWriteItemsRequest.builder().applyMutation(request).build();
        conflictRetry.get(() -> dynamo.transactWriteItems(built), Object.class);
    }

    /** Runs a single-item write, retrying while a concurrent transaction holds the item. */
    @SuppressWarnings("unchecked")
    <T> T retryingConflicts(Supplier<T> write) {
        return (T) conflictRetry.get((Supplier<Object>) write::get, Object.class);
    }

    /** The reason DynamoDB gave for action {@code index}, e.g. "ConditionalCheckFailed", or "None". */
    static String reason(TransactionCanceledException e, int index) {
        List<CancellationReason> reasons = e.cancellationReasons();
        if (reasons == null || index >= reasons.size() || reasons.get(index).code() == null) {
            return "None";
        }
        return reasons.get(index).code();
    }

    static boolean conditionFailed(TransactionCanceledException e, int index) {
        return "ConditionalCheckFailed".equals(reason(e, index));
    }

    private static boolean isConflictOnly(Throwable t) {
        if (t instanceof TransactionConflictException) {
            return true;
        }
        if (!(t instanceof TransactionCanceledException cancelled) || !cancelled.hasCancellationReasons()) {
            return false;
        }
        boolean conflict = false;
        for (CancellationReason reason : cancelled.cancellationReasons()) {
            String code = reason.code();
            if ("TransactionConflict".equals(code)) {
                conflict = true;
            } else if (code != null && !"None".equals(code)) {
                return false;
            }
        }
        return conflict;
    }
}
