package io.crmsync.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.crmsync.config.CrmSyncConfig;
import io.crmsync.resync.ResyncJob;
import io.crmsync.resync.ResyncJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Resync workers finishing batches at the same moment: DynamoDB cancels all but one of the transactions that touch
 * the job item together (TransactionConflict). A cancelled count is not a repeat; it must be counted, or the job
 * stays RUNNING forever with batches missing.
 */
@QuarkusTest
class ResyncProgressRaceTest {

    private static final int BATCHES = 12;

    @Inject
    ResyncJobRepository jobs;
    @Inject
    DynamoDbClient dynamo;
    @Inject
    CrmSyncConfig config;

    @Test
    void batchesFinishingAtOnce_areAllCounted_andTheJobCompletes() throws Exception {
        // given
        String id = "rs" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Instant now = Instant.now();
        jobs.create(new ResyncJob(id, "contact", "1", ResyncJob.Status.RUNNING, BATCHES * 10, BATCHES, 0, 0, 0, 0, 0, 0,
                now, null));
        CountDownLatch start = new CountDownLatch(1);

        // when: every batch finishes at the same moment, and each is delivered twice
        List<CompletableFuture<Void>> workers = new ArrayList<>();
        for (int i = 0; i < BATCHES * 2; i++) {
            String batch = "resync-" + id + "-" + (i % BATCHES);
            workers.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                jobs.applyBatch(id, batch, 10, 1, 0, Instant.now());
            }));
        }
        start.countDown();
        CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();

        // then
        ResyncJob job = jobs.find(id).orElseThrow();
        assertThat(job.batchesDone()).isEqualTo(BATCHES);
        assertThat(job.processed()).isEqualTo(BATCHES * 10L);
        assertThat(job.status()).isEqualTo(ResyncJob.Status.COMPLETED);
    }

    @Test
    void lastBatchCountedThenTheWorkerCrashedBeforeFinishing_theRedeliveryFinishesTheJob() {
        // given: a job of three batches (as the job believes); the first is counted
        String id = "rs" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Instant now = Instant.now();
        jobs.create(new ResyncJob(id, "contact", "1", ResyncJob.Status.RUNNING, 30, 3, 0, 0, 0, 0, 0, 0, now, null));
        jobs.applyBatch(id, "resync-" + id + "-0", 10, 1, 0, now);

        // when: the last batch's count commits, and the worker dies before it marks the job finished (simulated by
        // counting it while the job still waited for a third batch, then taking that batch away); SQS redelivers it
        jobs.applyBatch(id, "resync-" + id + "-1", 10, 1, 0, now);
        dynamo.updateItem(r -> r.tableName(config.tableName())
                .key(Map.of("pk", AttributeValue.fromS("RESYNC#" + id), "sk", AttributeValue.fromS("JOB")))
                .updateExpression("SET #batches = :two").expressionAttributeNames(Map.of("#batches", "batches"))
                .expressionAttributeValues(Map.of(":two", AttributeValue.fromN("2"))));
        jobs.applyBatch(id, "resync-" + id + "-1", 10, 1, 0, now);

        // then
        assertThat(jobs.find(id).orElseThrow().status()).isEqualTo(ResyncJob.Status.COMPLETED);
    }
}
