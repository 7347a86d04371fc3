package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.crmsync.config.CrmSyncConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
class IdempotencyRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00.250Z");
    private static final Duration IN_PROGRESS = Duration.ofMinutes(5);
    private static final Duration TTL = Duration.ofHours(1);

    @Inject
    IdempotencyRepository idempotency;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    CrmSyncConfig config;

    @Test
    void repeatedKey_whileTheFirstAttemptRuns_isDetectedAsInUse() {
        // given
        String key = key();
        idempotency.begin(key, T0, IN_PROGRESS, TTL);

        // when / then
        assertThatThrownBy(() -> idempotency.begin(key, T0.plusSeconds(10), IN_PROGRESS, TTL))
                .isInstanceOfSatisfying(IdempotencyKeyInUseException.class,
                        e -> assertThat(e.inProgressUntil()).isEqualTo(T0.plus(IN_PROGRESS)));
    }

    @Test
    void concurrentDuplicates_exactlyOneAttemptRuns() throws Exception {
        // given
        String key = key();
        int duplicates = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(duplicates);
        List<Future<String>> outcomes = new ArrayList<>();

        // when
        for (int i = 0; i < duplicates; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    idempotency.begin(key, T0, IN_PROGRESS, TTL);
                    return "runs";
                } catch (IdempotencyKeyInUseException e) {
                    return "in use";
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get());
        }
        pool.shutdown();

        // then
        assertThat(results).containsOnlyOnce("runs").filteredOn("in use"::equals).hasSize(duplicates - 1);
    }

    @Test
    void repeatedKey_afterCompletion_isDetected_andReturnsTheStoredResult() {
        // given
        String key = key();
        idempotency.begin(key, T0, IN_PROGRESS, TTL);
        idempotency.complete(key, Optional.of("{\"created\":12}"), T0.plusSeconds(3), TTL);

        // when / then
        assertThatThrownBy(() -> idempotency.begin(key, T0.plusSeconds(30), IN_PROGRESS, TTL))
                .isInstanceOfSatisfying(IdempotencyAlreadyCompletedException.class,
                        e -> assertThat(e.result()).contains("{\"created\":12}"));
    }

    /**
     * Regression for Powertools #1281: comparing the millisecond in-progress expiry with a time in seconds made every
     * in-progress record look expired, so a concurrent duplicate ran a second time.
     */
    @Test
    void inProgressExpiry_isComparedInMilliseconds_soAFreshAttemptIsNotTakenOver() {
        // given
        String key = key();
        idempotency.begin(key, T0, Duration.ofSeconds(2), TTL);

        // when / then: 1.5 s later is still inside the 2 s window, 2.1 s later is past it
        assertThatThrownBy(() -> idempotency.begin(key, T0.plusMillis(1_500), IN_PROGRESS, TTL))
                .isInstanceOf(IdempotencyKeyInUseException.class);
        assertThatCode(() -> idempotency.begin(key, T0.plusMillis(2_100), IN_PROGRESS, TTL))
                .doesNotThrowAnyException();
    }

    @Test
    void ttl_isStoredInEpochSeconds_andAnExpiredCompletedRecordCanBeClaimedAgain() {
        // given
        String key = key();
        idempotency.begin(key, T0, IN_PROGRESS, TTL);
        idempotency.complete(key, Optional.empty(), T0, TTL);

        // when
        Map<String, AttributeValue> raw = dynamo.getItem(r -> r.tableName(config.tableName())
                .key(Map.of(StoreSchema.PK, AttributeValue.fromS("IDEMP#" + key),
                        StoreSchema.SK, AttributeValue.fromS("IDEMP")))).item();

        // then: DynamoDB's TTL reads epoch seconds; milliseconds would mean "expire in the year 57,000"
        assertThat(Long.parseLong(raw.get(StoreSchema.TTL).n())).isEqualTo(T0.plus(TTL).getEpochSecond());
        assertThat(raw).doesNotContainKey("inProgressExpiry");
        assertThatThrownBy(() -> idempotency.begin(key, T0.plus(TTL).minusSeconds(1), IN_PROGRESS, TTL))
                .isInstanceOf(IdempotencyAlreadyCompletedException.class);
        assertThatCode(() -> idempotency.begin(key, T0.plus(TTL).plusSeconds(1), IN_PROGRESS, TTL))
                .doesNotThrowAnyException();
    }

    @Test
    void release_afterAFailure_letsTheRetryRunImmediately() {
        // given
        String key = key();
        idempotency.begin(key, T0, IN_PROGRESS, TTL);

        // when
        idempotency.release(key);

        // then
        assertThatCode(() -> idempotency.begin(key, T0.plusSeconds(1), IN_PROGRESS, TTL)).doesNotThrowAnyException();
        assertThat(idempotency.find(key).orElseThrow().status()).isEqualTo(IdempotencyRecord.Status.IN_PROGRESS);
    }

    @Test
    void release_ofACompletedKey_keepsItCompleted() {
        // given
        String key = key();
        idempotency.begin(key, T0, IN_PROGRESS, TTL);
        idempotency.complete(key, Optional.empty(), T0, TTL);

        // when
        idempotency.release(key);

        // then
        assertThatThrownBy(() -> idempotency.begin(key, T0.plusSeconds(1), IN_PROGRESS, TTL))
                .isInstanceOf(IdempotencyAlreadyCompletedException.class);
    }

    private static String key() {
        return "chunk-" + UUID.randomUUID();
    }
}
