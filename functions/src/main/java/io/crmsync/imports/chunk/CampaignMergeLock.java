package io.crmsync.imports.chunk;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import io.crmsync.store.LeaseRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serialises the read-merge-write of "Salesforce Campaigns" across workers. HubSpot has no conditional write (no
 * version or If-Match on a batch upsert), so two campaign imports reaching one contact at once would each read "A",
 * write "A;B" and "A;C", and one campaign would be lost. A DynamoDB lease (the store's, as the poller uses) makes
 * the second page wait for the first; only campaign pages take it, so no other import slows down.
 */
@ApplicationScoped
public class CampaignMergeLock {

    static final String LEASE = "campaign-merge";
    /** Longer than one page's batch read and upsert take; a crashed holder's lease frees itself after this. */
    static final Duration HOLD = Duration.ofMinutes(2);
    /** How long a page waits for the lease before its delivery fails and SQS brings it back. */
    static final Duration WAIT = Duration.ofSeconds(90);

    private final LeaseRepository leases;
    private final Clock clock;

    CampaignMergeLock(LeaseRepository leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    public <T> T holding(Supplier<T> work) {
        String holder = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + WAIT.toNanos();
        long pause = 20;
        while (leases.tryAcquire(LEASE, holder, HOLD, clock.instant()).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new CampaignMergeBusyException(WAIT);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CampaignMergeBusyException(WAIT);
            }
            pause = Math.min(500, pause * 2);
        }
        try {
            return work.get();
        } finally {
            leases.release(LEASE, holder);
        }
    }

    /** Another worker held the campaign merge for longer than a page may wait; the page is delivered again. */
    public static class CampaignMergeBusyException extends RuntimeException {
        CampaignMergeBusyException(Duration waited) {
            super("Another import page held the 'Salesforce Campaigns' merge for over " + waited.toSeconds()
                    + " s; this page will be delivered again");
        }
    }
}
