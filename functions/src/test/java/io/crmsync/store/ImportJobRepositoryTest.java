package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class ImportJobRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final String DEFINITION = "{\"objects\":[\"contact\"],\"source\":\"SALESFORCE\"}";

    @Inject
    ImportJobRepository jobs;

    @Test
    void concurrentCounterUpdates_sumExactly() throws Exception {
        // given
        String jobId = newJob();

        // when: 8 workers x 50 increments, half of them also counting an error category
        runEachConcurrently(8, 50, (worker, i) -> jobs.addCounters(jobId, ImportCounters.chunk(1, 0, 0, i % 2),
                i % 2 == 1 ? Map.of("VALIDATION", 1L) : Map.of(), T0));

        // then
        ImportJob job = jobs.get(jobId);
        assertThat(job.counters().created()).isEqualTo(400);
        assertThat(job.counters().failed()).isEqualTo(200);
        assertThat(job.counters().processed()).isEqualTo(600);
        assertThat(job.errors()).containsExactly(Map.entry("VALIDATION", 200L));
    }

    @Test
    void concurrentChunks_areEachCountedOnce_evenWhenEveryChunkIsDeliveredTwice() throws Exception {
        // given
        String jobId = newJob();

        // when: 8 workers; chunk ids repeat across worker pairs, as SQS redelivery would
        List<Boolean> applied = runConcurrently(8, 25, (worker, i) -> jobs.applyChunk(jobId,
                "chunk-" + (worker / 2) + "-" + i, ImportCounters.chunk(2, 1, 1, 0), Map.of(), T0));

        // then: 4 distinct worker groups x 25 chunks = 100 chunks of 4 records
        assertThat(applied.stream().filter(a -> a)).hasSize(100);
        ImportJob job = jobs.get(jobId);
        assertThat(job.counters()).isEqualTo(new ImportCounters(0, 400, 200, 100, 100, 0));
    }

    @Test
    void redeliveredChunk_doesNotDoubleCountCountersOrErrors() {
        // given
        String jobId = newJob();
        ImportCounters delta = ImportCounters.chunk(5, 3, 0, 2);
        Map<String, Long> errors = Map.of("DUPLICATE", 1L, "VALIDATION", 1L);

        // when
        boolean first = jobs.applyChunk(jobId, "page-1", delta, errors, T0);
        boolean redelivery = jobs.applyChunk(jobId, "page-1", delta, errors, T0.plusSeconds(30));

        // then
        assertThat(first).isTrue();
        assertThat(redelivery).isFalse();
        ImportJob job = jobs.get(jobId);
        assertThat(job.counters()).isEqualTo(new ImportCounters(0, 10, 5, 3, 0, 2));
        assertThat(job.errors()).isEqualTo(errors);
    }

    @Test
    void setTotal_isKeptAlongsideTheCountersWorkersAdd() {
        // given
        String jobId = newJob();
        jobs.applyChunk(jobId, "c1", ImportCounters.chunk(10, 0, 0, 0), Map.of(), T0);

        // when
        jobs.setTotal(jobId, 2_500, T0);

        // then
        assertThat(jobs.get(jobId).counters()).isEqualTo(new ImportCounters(2_500, 10, 10, 0, 0, 0));
    }

    @Test
    void applyChunk_forAnUnknownJob_failsClearly() {
        assertThatThrownBy(() -> jobs.applyChunk("no-such-" + UUID.randomUUID(), "c1",
                ImportCounters.chunk(1, 0, 0, 0), Map.of(), T0))
                .isInstanceOf(ImportJobNotFoundException.class);
    }

    @Test
    void lifecycle_runPauseRunComplete_keepsTheFirstStartTime_andFlagsErrors() {
        // given
        String jobId = newJob();

        // when
        jobs.markRunning(jobId, T0.plusSeconds(1));
        ImportJob paused = jobs.pauseForApiBudget(jobId, T0.plusSeconds(3600), T0.plusSeconds(2));
        jobs.markRunning(jobId, T0.plusSeconds(3601));
        jobs.applyChunk(jobId, "c1", ImportCounters.chunk(1, 0, 0, 1), Map.of("VALIDATION", 1L), T0);
        ImportJob done = jobs.complete(jobId, T0.plusSeconds(4000));

        // then
        assertThat(paused.status()).isEqualTo(ImportStatus.PAUSED_API_BUDGET);
        assertThat(paused.pausedUntil()).isEqualTo(T0.plusSeconds(3600));
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED_WITH_ERRORS);
        assertThat(done.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(done.finishedAt()).isEqualTo(T0.plusSeconds(4000));
        assertThat(done.pausedUntil()).isNull();
    }

    @Test
    void complete_withoutFailures_isCompleted_andAFinishedJobCannotBeRestarted() {
        // given
        String jobId = newJob();
        jobs.markRunning(jobId, T0);
        jobs.applyChunk(jobId, "c1", ImportCounters.chunk(3, 0, 0, 0), Map.of(), T0);

        // when
        ImportJob done = jobs.complete(jobId, T0.plusSeconds(5));

        // then
        assertThat(done.status()).isEqualTo(ImportStatus.COMPLETED);
        assertThatThrownBy(() -> jobs.markRunning(jobId, T0.plusSeconds(6)))
                .isInstanceOfSatisfying(ImportJobStateException.class,
                        e -> assertThat(e.current()).isEqualTo(ImportStatus.COMPLETED));
    }

    @Test
    void cancelRequest_stopsTheJobFromStartingAgain_untilItIsMarkedCancelled() {
        // given
        String jobId = newJob();
        jobs.markRunning(jobId, T0);
        jobs.pauseForApiBudget(jobId, T0.plusSeconds(60), T0);

        // when
        ImportJob flagged = jobs.requestCancel(jobId, T0.plusSeconds(1));

        // then
        assertThat(flagged.cancelRequested()).isTrue();
        assertThatThrownBy(() -> jobs.markRunning(jobId, T0.plusSeconds(61)))
                .isInstanceOf(ImportJobStateException.class).hasMessageContaining("cancel requested");
        assertThat(jobs.markCancelled(jobId, T0.plusSeconds(62)).status()).isEqualTo(ImportStatus.CANCELLED);
        assertThatThrownBy(() -> jobs.fail(jobId, "too late", T0.plusSeconds(63)))
                .isInstanceOf(ImportJobStateException.class);
    }

    @Test
    void list_returnsJobsNewestFirst_acrossPages() {
        // given: created at times that would mis-sort as plain Instant.toString (".5Z" vs "Z")
        Instant base = Instant.parse("2099-01-01T00:00:00Z");
        String older = UUID.randomUUID().toString();
        String newer = UUID.randomUUID().toString();
        String newest = UUID.randomUUID().toString();
        jobs.create(older, DEFINITION, base);
        jobs.create(newer, DEFINITION, base.plusMillis(500));
        jobs.create(newest, DEFINITION, base.plusSeconds(1));

        // when
        Page<ImportJob> first = jobs.list(Optional.empty(), 2);
        Page<ImportJob> second = jobs.list(first.cursor(), 2);

        // then
        assertThat(first.items()).extracting(ImportJob::id).containsExactly(newest, newer);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items().get(0).id()).isEqualTo(older);
    }

    @Test
    void list_withATamperedCursor_failsClearly() {
        assertThatThrownBy(() -> jobs.list(Optional.of("bm90LWEtY3Vyc29y"), 10))
                .isInstanceOf(InvalidCursorException.class);
    }

    @Test
    void create_withADefinitionThatIsNotJson_isRejected() {
        assertThatThrownBy(() -> jobs.create(UUID.randomUUID().toString(), "{objects:", T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not valid JSON");
    }

    private String newJob() {
        String id = UUID.randomUUID().toString();
        jobs.create(id, DEFINITION, T0);
        return id;
    }

    interface Step<T> {
        T run(int worker, int iteration) throws Exception;
    }

    interface VoidStep {
        void run(int worker, int iteration) throws Exception;
    }

    private static void runEachConcurrently(int workers, int iterations, VoidStep step) throws Exception {
        runConcurrently(workers, iterations, (Step<Boolean>) (w, i) -> {
            step.run(w, i);
            return true;
        });
    }

    private static <T> List<T> runConcurrently(int workers, int iterations, Step<T> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<T>>> futures = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            Callable<List<T>> task = () -> {
                start.await();
                List<T> results = new ArrayList<>();
                for (int i = 0; i < iterations; i++) {
                    results.add(step.run(worker, i));
                }
                return results;
            };
            futures.add(pool.submit(task));
        }
        start.countDown();
        List<T> all = new ArrayList<>();
        for (Future<List<T>> f : futures) {
            all.addAll(f.get());
        }
        pool.shutdown();
        return all;
    }
}
