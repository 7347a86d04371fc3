package io.crmsync.sync.worker;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.crmsync.store.Pairing;
import io.crmsync.store.PairingRepository;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * Fault injection for the fault suite: a worker stalls (GC pause, slow network) after its CRM writes and before it
 * stores the pairing, so that another worker can sync the same record in between. Idle unless a test arms it.
 */
@Alternative
@Priority(1)
@Singleton
public class PausingPairingSaver extends PairingSaver {

    /** An armed pause: {@link #reached} opens when the worker stalls; the worker goes on after {@link #release}. */
    public record Pause(String hubspotId, CountDownLatch reached, CountDownLatch released) {

        public void awaitReached() throws InterruptedException {
            if (!reached.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("No worker reached the pairing save of " + hubspotId);
            }
        }

        public void release() {
            released.countDown();
        }
    }

    private static volatile Pause armed;

    PausingPairingSaver(PairingRepository pairings, io.crmsync.sync.SyncConfig config) {
        super(pairings, config);
    }

    /** The next save of the pairing of {@code hubspotId} stalls until the returned pause is released. */
    public static Pause pauseNextSave(String hubspotId) {
        Pause pause = new Pause(hubspotId, new CountDownLatch(1), new CountDownLatch(1));
        armed = pause;
        return pause;
    }

    @Override
    public Optional<Pairing> save(RecordPlan plan, Instant now) {
        Pause pause = armed;
        if (pause != null && pause.hubspotId().equals(plan.pairing().hubspotId())) {
            armed = null;
            pause.reached().countDown();
            try {
                if (!pause.released().await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The paused save of " + pause.hubspotId() + " was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return super.save(plan, now);
    }
}
