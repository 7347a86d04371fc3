package io.crmsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class LeaseRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    LeaseRepository leases;
    @Inject
    Clock clock;

    @Test
    void lease_takenWithTheInjectedClock_isCurrentNow() {
        // given
        String name = "poll-" + UUID.randomUUID();

        // when
        leases.tryAcquire(name, "worker-a", MINUTE, clock.instant());

        // then
        assertThat(leases.current(name, clock.instant())).hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo("worker-a"));
    }

    @Test
    void heldLease_refusesASecondHolder_untilItExpires() {
        // given
        String name = "poll-" + UUID.randomUUID();
        assertThat(leases.tryAcquire(name, "worker-a", MINUTE, T0)).isPresent();

        // when
        var beforeExpiry = leases.tryAcquire(name, "worker-b", MINUTE, T0.plusSeconds(59));
        var afterExpiry = leases.tryAcquire(name, "worker-b", MINUTE, T0.plusSeconds(61));

        // then
        assertThat(beforeExpiry).isEmpty();
        assertThat(afterExpiry).hasValueSatisfying(l -> assertThat(l.holder()).isEqualTo("worker-b"));
        assertThat(leases.current(name, T0.plusSeconds(62)).orElseThrow().holder()).isEqualTo("worker-b");
    }

    @Test
    void concurrentAcquires_exactlyOneWorkerGetsTheLease() throws Exception {
        // given
        String name = "poll-" + UUID.randomUUID();
        int workers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<Boolean>> outcomes = new ArrayList<>();

        // when
        for (int i = 0; i < workers; i++) {
            String holder = "worker-" + i;
            outcomes.add(pool.submit(() -> {
                start.await();
                return leases.tryAcquire(name, holder, MINUTE, T0).isPresent();
            }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> outcome : outcomes) {
            winners += outcome.get() ? 1 : 0;
        }
        pool.shutdown();

        // then
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void holder_canExtendItsOwnLease() {
        // given
        String name = "poll-" + UUID.randomUUID();
        leases.tryAcquire(name, "worker-a", MINUTE, T0);

        // when
        var extended = leases.tryAcquire(name, "worker-a", MINUTE, T0.plusSeconds(50));

        // then
        assertThat(extended.orElseThrow().until()).isEqualTo(T0.plusSeconds(110));
        assertThat(leases.tryAcquire(name, "worker-b", MINUTE, T0.plusSeconds(100))).isEmpty();
    }

    @Test
    void release_byAnotherWorker_isRefused_byTheHolder_freesTheLeaseAtOnce() {
        // given
        String name = "poll-" + UUID.randomUUID();
        leases.tryAcquire(name, "worker-a", MINUTE, T0);

        // when / then
        assertThat(leases.release(name, "worker-b")).isFalse();
        assertThat(leases.tryAcquire(name, "worker-b", MINUTE, T0.plusSeconds(1))).isEmpty();
        assertThat(leases.release(name, "worker-a")).isTrue();
        assertThat(leases.tryAcquire(name, "worker-b", MINUTE, T0.plusSeconds(1))).isPresent();
    }
}
