package io.crmsync.imports.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChunkLanesTest {

    private final ChunkLanes lanes = new ChunkLanes("test-lanes", 4);

    @AfterEach
    void stop() {
        lanes.shutdown();
    }

    @Test
    void twoChunksInOneProcess_eachGetTheirOwnLanes() throws Exception {
        // given two chunks of 4 calls each, every call waiting until all 8 run at once (as 2 Lambda instances would)
        CountDownLatch allRunning = new CountDownLatch(8);
        List<Supplier<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> {
                allRunning.countDown();
                try {
                    return allRunning.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        }

        // when both chunks submit their calls
        List<Future<Boolean>> first = lanes.submitAll(calls);
        List<Future<Boolean>> second = lanes.submitAll(calls);

        // then all 8 were in flight together: a process-wide pool of 4 would have let only 4 run
        for (Future<Boolean> f : concat(first, second)) {
            assertThat(f.get(15, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void openLanes_submitReturnsAtOnce_runAtMostTheirLanes_andAllWaitsForEveryCallThenThrowsTheFirstFailure() {
        // given calls that hold until released, as a pairing held by a slow store holds
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        ChunkLanes.Open<Integer> open = lanes.open();

        // when 10 are submitted (call 3 fails), the submitter is not held: an upsert lane goes on with its next call
        for (int i = 0; i < 10; i++) {
            int n = i;
            open.submit(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                finished.incrementAndGet();
                if (n == 3) {
                    throw new IllegalStateException("call 3 failed");
                }
                return n;
            });
        }
        assertThat(finished.get()).isZero();
        release.countDown();

        // then every call ran, never more than the 4 lanes at once, and the failure came after all of them
        org.assertj.core.api.Assertions.assertThatThrownBy(open::all).hasMessage("call 3 failed");
        assertThat(finished.get()).isEqualTo(10);
        assertThat(most.get()).isBetween(1, 4);
    }

    @Test
    void oneChunk_neverRunsMoreThanItsLanes_andAnswersInCallOrder() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Supplier<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            calls.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running.decrementAndGet();
                if (n == 7) {
                    throw new IllegalStateException("call 7 failed");
                }
                return n;
            });
        }

        List<Future<Integer>> results = lanes.submitAll(calls);

        for (int i = 0; i < 20; i++) {
            if (i == 7) {
                assertThat(results.get(i)).failsWithin(5, TimeUnit.SECONDS);
            } else {
                assertThat(results.get(i).get(5, TimeUnit.SECONDS)).isEqualTo(i);
            }
        }
        assertThat(most.get()).isBetween(1, 4);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
