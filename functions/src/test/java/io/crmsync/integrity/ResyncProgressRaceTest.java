package io.crmsync.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import io.crmsync.resync.ResyncJob;
import io.crmsync.resync.ResyncJobRepository;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

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
}
