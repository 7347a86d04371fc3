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
        assertThat(pacer.waits().ownWindowMillis()).isPositive();
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

        // then: it waited, and counts the wait as the portal reserve's (what benchmarks print)
        assertThat(waitedMillis).isGreaterThanOrEqualTo(40);
        assertThat(pacer.waits().portalReserveMillis()).isGreaterThanOrEqualTo(40);
        assertThat(pacer.waits().ownWindowMillis()).isZero();
    }

    @Test
    void reserveReached_goesOnOnceItsOwnCountedCallsLeaveThePortalsWindow_withoutWaitingForTheHeadersToAge() {
        // given: a 20-per-10 s portal of which this client may use half; it sent 5 calls at 0 s, and at 3 s the
        // headers said 10 left (its 5 and 5 of another app's): the reserve left for others
        MovableClock clock = new MovableClock();
        RateLimitPacer pacer = new RateLimitPacer(clock, 0.5, 10, Duration.ofSeconds(10), 5);
        pacer.observe(new RateLimitHeadroom(20, 20, 10_000, OptionalLong.empty(), OptionalLong.empty(), clock.instant()));
        for (int i = 0; i < 5; i++) {
            pacer.acquire(false);
        }
        clock.at(3_000);
        pacer.observe(new RateLimitHeadroom(20, 10, 10_000, OptionalLong.empty(), OptionalLong.empty(), clock.instant()));

        // then: it waits while its own calls still count in the portal's window
        assertThat(pacer.windowWait(clock.millis())).isPositive();
        clock.at(10_500);
        assertThat(pacer.windowWait(clock.millis())).as("the calls may reach HubSpot later than sent").isPositive();

        // when: its 5 calls have left the portal's window (with the margin), 2 s before the headers are a window old
        clock.at(11_100);

        // then: the room they leave is its own again, so it sends without waiting (no call of another app is assumed gone)
        assertThat(pacer.windowWait(clock.millis())).isZero();
    }

    /** A clock a test moves by hand, in milliseconds from 0. */
    private static final class MovableClock extends Clock {
        private long millis;

        void at(long millis) {
            this.millis = millis;
        }

        @Override
        public long millis() {
            return millis;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
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

        // then: the fifth search waited for the first to leave the one-second window, counted as a search wait
        assertThat(tookMillis).isGreaterThanOrEqualTo(950);
        assertThat(pacer.waits().searchMillis()).isPositive();
    }
}
