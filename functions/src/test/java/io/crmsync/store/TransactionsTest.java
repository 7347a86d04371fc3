package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/** The conflict retry, against a scripted client: the local store never produces TransactionConflict on demand. */
@QuarkusTest
class TransactionsTest {

    @Inject
    Transactions transactions;

    @Test
    void transactionCancelledOnlyByConflicts_isRetried_untilItGoesThrough() {
        // given
        ScriptedClient client = new ScriptedClient(3, "None", "TransactionConflict");

        // when
        transactions.write(client, r -> r.transactItems(List.of()));

        // then
        assertThat(client.calls.get()).isEqualTo(4);
    }

    @Test
    void transactionCancelledByAFailedCondition_isNotRetried() {
        // given
        ScriptedClient client = new ScriptedClient(Integer.MAX_VALUE, "ConditionalCheckFailed", "TransactionConflict");

        // when / then
        assertThatThrownBy(() -> transactions.write(client, r -> r.transactItems(List.of())))
                .isInstanceOfSatisfying(TransactionCanceledException.class,
                        e -> assertThat(Transactions.conditionFailed(e, 0)).isTrue());
        assertThat(client.calls.get()).isEqualTo(1);
    }

    @Test
    void plainWriteMeetingATransaction_isRetried() {
        // given
        AtomicInteger attempts = new AtomicInteger();

        // when
        String result = transactions.retryingConflicts(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw TransactionConflictException.builder().message("in a transaction").build();
            }
            return "written";
        });

        // then
        assertThat(result).isEqualTo("written");
        assertThat(attempts.get()).isEqualTo(3);
    }

    /** Cancels the first {@code failures} calls with the given reasons, then succeeds. */
    static final class ScriptedClient implements DynamoDbClient {
        final AtomicInteger calls = new AtomicInteger();
        private final int failures;
        private final List<CancellationReason> reasons;

        ScriptedClient(int failures, String... codes) {
            this.failures = failures;
            this.reasons = java.util.Arrays.stream(codes).map(c -> CancellationReason.builder().code(c).build()).toList();
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            if (calls.incrementAndGet() <= failures) {
                throw TransactionCanceledException.builder().message("cancelled").cancellationReasons(reasons).build();
            }
            return TransactWriteItemsResponse.builder().build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {
        }
    }
}
