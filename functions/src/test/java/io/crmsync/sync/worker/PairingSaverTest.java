package io.crmsync.sync.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.crmsync.store.Pairing;
import io.crmsync.store.SalesforceType;

/** How a sync batch's pairings are saved: several at once, every outcome answered in the batch's order. */
class PairingSaverTest {

    private static final int WRITERS = 8;

    @Test
    void saveAll_savesABatchsPairingsAtOnce_notOneRoundTripAfterAnother() {
        // given: saves that each wait until all eight are in flight (one at a time, the first would wait in vain)
        CountDownLatch allInFlight = new CountDownLatch(WRITERS);
        PairingSaver saver = new PairingSaver(null, WRITERS) {
            @Override
            public Optional<Pairing> save(RecordPlan plan, Instant now) {
                allInFlight.countDown();
                try {
                    if (!allInFlight.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("saved one at a time: " + plan.pairing().hubspotId()
                                + " waited alone");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return Optional.of(plan.pairing());
            }
        };

        // when
        List<PairingSaver.Saved> saved = saver.saveAll(plans(WRITERS), Instant.now());

        // then
        assertThat(saved).extracting(PairingSaver.Saved::failure).containsOnlyNulls();
        assertThat(saved).extracting(s -> s.plan().pairing().hubspotId())
                .containsExactly("h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7");
    }

    @Test
    void saveAll_answersEachPlansOutcome_inOrder_whenSomeRaceOrFail() {
        // given: h1's pairing was saved by another worker meanwhile, h2's save fails
        RuntimeException down = new IllegalStateException("store unavailable");
        PairingSaver saver = new PairingSaver(null, WRITERS) {
            @Override
            public Optional<Pairing> save(RecordPlan plan, Instant now) {
                return switch (plan.pairing().hubspotId()) {
                    case "h1" -> throw new PairingChangedException("contact", "h1", "version 1 became 2");
                    case "h2" -> throw down;
                    default -> Optional.of(plan.pairing());
                };
            }
        };

        // when
        List<PairingSaver.Saved> saved = saver.saveAll(plans(3), Instant.now());

        // then
        assertThat(saved).extracting(PairingSaver.Saved::changedMeanwhile).containsExactly(false, true, false);
        assertThat(saved).extracting(PairingSaver.Saved::failure).containsExactly(null, null, down);
    }

    private static List<RecordPlan> plans(int n) {
        List<RecordPlan> plans = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pairing p = Pairing.of("contact", "h" + i, "003" + i, SalesforceType.CONTACT);
            plans.add(new RecordPlan(p, "Contact", true, Map.of(), Map.of(), Map.of(), Map.of(), List.of()));
        }
        return plans;
    }
}
