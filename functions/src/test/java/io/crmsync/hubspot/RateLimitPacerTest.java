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
        pacer.observe(new RateLimitHeadroom(10, 10, 300, OptionalLong.empty(), OptionalLong.empty(), Instant.now()),
                new RateLimitPacer.Paced(System.currentTimeMillis()));

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
        pacer.observe(new RateLimitHeadroom(10, 2, 400, OptionalLong.empty(), OptionalLong.empty(), Instant.now()),
                new RateLimitPacer.Paced(System.currentTimeMillis()));

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
        // given: a 20-per-10 s portal of which this client may use half; it sent 5 calls at 0 s, answered at 0.3 s, and
        // the answer to a call sent at 2.9 s said 10 left (its 5 and 5 of another app's): the reserve left for others
        MovableClock clock = new MovableClock();
        RateLimitPacer pacer = new RateLimitPacer(clock, 0.5, 10, Duration.ofSeconds(10), 5);
        pacer.observe(headers(20, 20), new RateLimitPacer.Paced(0));
        List<RateLimitPacer.Paced> calls = sendAndAnswer(pacer, clock, 5, 0, 300);
        clock.at(3_000);
        pacer.observe(headers(20, 10), new RateLimitPacer.Paced(2_900));

        // then: it waits while its own calls may still count in the portal's window
        assertThat(pacer.windowWait(clock.millis())).isPositive();
        clock.at(10_299);
        assertThat(pacer.windowWait(clock.millis())).as("HubSpot may have counted them just before answering")
                .isPositive();

        // when: a window has passed since their answers, 2.7 s before the headers are a window old
        clock.at(10_300);

        // then: the room they held is its own again, so it sends without waiting (no call of another app is assumed
        // gone); with the send time and a 1 s margin it waited until 11 s
        assertThat(calls).hasSize(5);
        assertThat(pacer.windowWait(clock.millis())).isZero();
    }

    @Test
    void alone_goesOnAsSoonAsItsOwnWindowHasRoom_althoughTheHeadersShowThePortalAtItsReserve() {
        // given: a 20-per-10 s portal of which this client may use half; it sent its 10 calls at 0 s, answered at
        // 0.3 s, and the answer to one of them said 10 left: every call the portal counted may be its own
        MovableClock clock = new MovableClock();
        RateLimitPacer pacer = new RateLimitPacer(clock, 0.5, 10, Duration.ofSeconds(10), 5);
        pacer.observe(headers(20, 20), new RateLimitPacer.Paced(0));
        List<RateLimitPacer.Paced> calls = sendAndAnswer(pacer, clock, 10, 0, 300);
        pacer.observe(headers(20, 10), calls.get(9));

        // then: its own share holds it until its first calls leave the window by their send time
        clock.at(9_999);
        assertThat(pacer.windowWait(clock.millis())).isPositive();
        // when
        clock.at(10_000);
        // then: no other caller to leave the reserve to, so the portal's reserve does not hold it back (it waited
        // for the headers' calls to be answered a window ago, at every turn of the window)
        assertThat(pacer.windowWait(clock.millis())).isZero();
        assertThat(pacer.waits().portalReserveMillis()).isZero();
    }

    @Test
    void alone_isStillHeldBack_whenItsOwnCallsCountedLateBringThePortalNearItsLimit() {
        // given: 10 calls sent at 0 s that HubSpot answered (and may have counted) only at 9 s, then 5 sent at 10 s
        // whose answer says 5 left: every counted call may be its own, but the portal is at half its reserve
        MovableClock clock = new MovableClock();
        RateLimitPacer pacer = new RateLimitPacer(clock, 0.5, 10, Duration.ofSeconds(10), 5);
        pacer.observe(headers(20, 20), new RateLimitPacer.Paced(0));
        sendAndAnswer(pacer, clock, 10, 0, 9_000);
        List<RateLimitPacer.Paced> later = sendAndAnswer(pacer, clock, 5, 10_000, 10_300);
        pacer.observe(headers(20, 5), later.get(4));

        // then: its own share would let 5 more go, the portal's count holds them
        assertThat(pacer.windowWait(clock.millis())).isPositive();
    }

    @Test
    void reserveReached_doesNotCountAsGoneTheCallsThatTheHeadersMayNotHaveCounted() {
        // given: 5 calls sent at 2.8 s and answered at 3.2 s, while the call whose answer said 10 left was sent at
        // 2.9 s: HubSpot may have computed those headers before it counted them
        MovableClock clock = new MovableClock();
        RateLimitPacer pacer = new RateLimitPacer(clock, 0.5, 10, Duration.ofSeconds(10), 5);
        pacer.observe(headers(20, 20), new RateLimitPacer.Paced(0));
        sendAndAnswer(pacer, clock, 5, 2_800, 3_200);
        clock.at(3_300);
        pacer.observe(headers(20, 10), new RateLimitPacer.Paced(2_900));

        // when: they have left the window, the headers not yet
        clock.at(13_250);

        // then: their leaving is not taken as room, since they may never have been in the headers' count
        assertThat(pacer.windowWait(clock.millis())).isPositive();
        // and once the headers are a window old it goes on
        clock.at(13_300);
        assertThat(pacer.windowWait(clock.millis())).isZero();
    }

    @Test
    void reserveReached_neverCountsAsGoneACallThatGotNoAnswer() {
        // given: 5 calls sent at 0 s that got no answer (HubSpot may count such a call late), and headers at 3 s
        // from a call sent at 2.9 s saying 10 left
        MovableClock clock = new MovableClock();
        RateLimitPacer pacer = new RateLimitPacer(clock, 0.5, 10, Duration.ofSeconds(10), 5);
        pacer.observe(headers(20, 20), new RateLimitPacer.Paced(0));
        for (int i = 0; i < 5; i++) {
            pacer.acquire(false);
        }
        clock.at(3_000);
        pacer.observe(headers(20, 10), new RateLimitPacer.Paced(2_900));

        // when: a window and more has passed since they were sent
        clock.at(12_000);

        // then
        assertThat(pacer.windowWait(clock.millis())).isPositive();
    }

    private static List<RateLimitPacer.Paced> sendAndAnswer(RateLimitPacer pacer, MovableClock clock, int n,
            long sentAt, long answeredAt) {
        clock.at(sentAt);
        List<RateLimitPacer.Paced> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(pacer.acquire(false));
        }
        clock.at(answeredAt);
        calls.forEach(pacer::answered);
        return calls;
    }

    private static RateLimitHeadroom headers(int max, int remaining) {
        return new RateLimitHeadroom(max, remaining, 10_000, OptionalLong.empty(), OptionalLong.empty(), Instant.EPOCH);
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
