package io.crmsync.hubspot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.crmsync.hubspot.model.RateLimitHeadroom;

class RateLimitPacerTest {

    @Test
    void acquire_neverLetsMoreThanTheLearnedShareIntoOneRollingWindow() {
        // given: headers said 10 per 300 ms; a 0.8 share allows 8
        RateLimitPacer pacer = new RateLimitPacer(Clock.systemUTC(), 0.8, 100, Duration.ofSeconds(10), 5);
        pacer.observe(new RateLimitHeadroom(10, 10, 300, OptionalLong.empty(), OptionalLong.empty(), Instant.now()));

        // when
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            pacer.acquire(false);
            sent.add(System.currentTimeMillis());
        }

        // then
        for (int i = 0; i + 8 < sent.size(); i++) {
            assertThat(sent.get(i + 8) - sent.get(i)).as("9 calls span a whole window").isGreaterThanOrEqualTo(299);
        }
    }

    @Test
    void acquire_slowsDown_whenOtherAppsHaveDrainedThePortalsWindow() {
        // given: the portal has 2 calls left of 10 per 400 ms, and 2 is the reserve we leave for others
        RateLimitPacer pacer = new RateLimitPacer(Clock.systemUTC(), 0.8, 100, Duration.ofSeconds(10), 5);
        pacer.observe(new RateLimitHeadroom(10, 2, 400, OptionalLong.empty(), OptionalLong.empty(), Instant.now()));

        // when
        long start = System.nanoTime();
        pacer.acquire(false);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;

        // then
        assertThat(waitedMillis).isGreaterThanOrEqualTo(40);
    }

    @Test
    void acquire_nearThePortalsLimit_keepsSendingOneCallPerSpacing_ratherThanStoppingForTheWindow() {
        // given: the portal is down to its reserve (2 left of 10 per 3 s; a 0.8 share leaves 2 for others), as after a
        // burst of this process's own calls, and no answer has come back since
        RateLimitPacer pacer = new RateLimitPacer(Clock.systemUTC(), 0.8, 100, Duration.ofSeconds(10), 5);
        pacer.observe(new RateLimitHeadroom(10, 2, 3000, OptionalLong.empty(), OptionalLong.empty(), Instant.now()));

        // when three calls ask to go
        long start = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            pacer.acquire(false);
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        // then they go one per window/limit (375 ms), spread but flowing: before, the first one waited until the
        // observation was a whole window (3 s) old, which stalled every import worker at once
        assertThat(tookMillis).isGreaterThanOrEqualTo(700).isLessThan(2000);
    }

    @Test
    void searches_arePacedPerSecond_separatelyFromTheWindow() {
        // given
        RateLimitPacer pacer = new RateLimitPacer(Clock.systemUTC(), 0.9, 1, Duration.ofSeconds(10), 4);

        // when
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            pacer.acquire(true);
        }
        long tookMillis = (System.nanoTime() - start) / 1_000_000;

        // then: the fifth search waited for the first to leave the one-second window
        assertThat(tookMillis).isGreaterThanOrEqualTo(950);
    }
}
