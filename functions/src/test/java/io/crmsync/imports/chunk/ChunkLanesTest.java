package io.crmsync.imports.chunk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> {
                allRunning.countDown();
                return allRunning.await(10, TimeUnit.SECONDS);
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
    void oneChunk_neverRunsMoreThanItsLanes_andAnswersInCallOrder() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            calls.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                Thread.sleep(5);
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
