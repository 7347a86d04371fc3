package io.crmsync.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.crmsync.hubspot.model.RateLimitHeadroom;

/**
 * Paces calls so a steady workload stays under HubSpot's burst limit instead of bouncing off 429s.
 * <p>
 * Hand-written because SmallRye Fault Tolerance's rate limit <em>rejects</em> calls over the limit, and here the
 * caller must <em>wait</em>; and because the limit is learned at run time from {@code X-HubSpot-RateLimit-Max} /
 * {@code -Interval-Milliseconds} and the share used by other apps from {@code -Remaining}. Two rules: this client's
 * own calls in the rolling window stay under {@code share x max}; and when the last headers said the portal as a
 * whole is down to its reserve (half of it when the headers count no calls but this client's; the whole when other
 * apps, or other instances of this function, are busy too), wait for the window to move.
 */
final class RateLimitPacer {

    private final Clock clock;
    private final double share;
    private final int searchPerSecond;
    private final Deque<Paced> sent = new ArrayDeque<>();
    private final Deque<Long> searches = new ArrayDeque<>();
    private int limit;
    private int reserve;
    private long windowMillis;
    private int observedRemaining = -1;
    /** Calls the last headers counted that cannot all be this client's: other callers use the portal too. */
    private boolean othersSeen;
    private long observedAt;
    /** When the call whose headers were observed was sent: HubSpot computed them between then and {@link #observedAt}. */
    private long observedCallSentAt;
    private int sentSinceObservation;
    /** Time callers waited, summed over threads, by rule: this client's own window, the portal's reserve, search. */
    private final LongAdder waitedForWindow = new LongAdder();
    private final LongAdder waitedForReserve = new LongAdder();
    private final LongAdder waitedForSearch = new LongAdder();
    /** Callers waiting right now (a benchmark samples it: calls held back by the pacer, not missing). */
    private final AtomicInteger waiting = new AtomicInteger();
    private boolean reserveRule;

    RateLimitPacer(Clock clock, double share, int initialLimit, Duration window, int searchPerSecond) {
        if (share <= 0 || share > 1) {
            throw new IllegalArgumentException("crmsync.hubspot.pacing.window-share must be in (0, 1], was " + share);
        }
        this.clock = clock;
        this.share = share;
        this.limit = Math.max(1, initialLimit);
        this.windowMillis = window.toMillis();
        this.searchPerSecond = Math.max(1, searchPerSecond);
    }

    /** One call let through: when it was sent, and when its answer arrived (0 until then, and for no answer). */
    static final class Paced {
        private final long sentAt;
        private long answeredAt;

        Paced(long sentAt) {
            this.sentAt = sentAt;
        }

        long sentAt() {
            return sentAt;
        }
    }

    /** Blocks until one more call fits; the handle is to be {@linkplain #answered answered} when HubSpot answers. */
    Paced acquire(boolean search) {
        while (true) {
            long wait;
            LongAdder waited;
            synchronized (this) {
                long now = clock.millis();
                wait = search ? searchWait(now) : windowWait(now);
                waited = search ? waitedForSearch : reserveRule ? waitedForReserve : waitedForWindow;
                if (wait <= 0) {
                    Paced call = new Paced(now);
                    if (search) {
                        searches.addLast(now);
                    } else {
                        sent.addLast(call);
                        sentSinceObservation++;
                    }
                    return call;
                }
            }
            waiting.incrementAndGet();
            try {
                sleep(wait);
            } finally {
                waiting.decrementAndGet();
            }
            waited.add(wait);
        }
    }

    /** Milliseconds callers waited so far (summed over threads): for the own window, the portal's reserve, search. */
    PacerWaits waits() {
        return new PacerWaits(waitedForWindow.sum(), waitedForReserve.sum(), waitedForSearch.sum());
    }

    /** How many callers are waiting for room right now. */
    int waiting() {
        return waiting.get();
    }

    /** HubSpot answered {@code call} (with any status): it was counted by now. A call with no answer is never marked. */
    synchronized void answered(Paced call) {
        if (call.answeredAt == 0) {
            call.answeredAt = clock.millis();
        }
    }

    /** Learns the window from the headers of the answer to {@code call} (not a search), already marked answered. */
    synchronized void observe(RateLimitHeadroom headroom, Paced call) {
        if (headroom.max() > 0 && headroom.intervalMillis() > 0) {
            limit = Math.max(1, (int) Math.floor(headroom.max() * share));
            reserve = headroom.max() - limit;
            windowMillis = headroom.intervalMillis();
        }
        observedRemaining = headroom.remaining();
        observedAt = clock.millis();
        observedCallSentAt = call.sentAt;
        sentSinceObservation = 0;
        othersSeen = headroom.max() - headroom.remaining() > ownCallsTheHeadersMayCount();
    }

    synchronized long windowMillis() {
        return windowMillis;
    }

    /** How long the next call must wait at {@code now}; 0: it may go. Package-private for tests with a clock. */
    synchronized long windowWait(long now) {
        // kept two windows: the reserve rule below needs the calls that left the portal's window lately
        while (!sent.isEmpty() && sent.peekFirst().sentAt <= now - 2 * windowMillis) {
            sent.pollFirst();
        }
        reserveRule = false;
        long windowStart = now - windowMillis;
        long inWindow = sent.stream().filter(c -> c.sentAt > windowStart).count();
        if (inWindow >= limit) {
            long oldest = sent.stream().filter(c -> c.sentAt > windowStart).findFirst().orElseThrow().sentAt;
            return oldest + windowMillis - now;
        }
        boolean fresh = observedRemaining >= 0 && now - observedAt < windowMillis;
        // Alone, half the reserve: the portal counts a call when it arrives, and slow answers can bunch the calls a
        // window of send times allowed; the rest of the reserve is for other callers, when there are any.
        int keepFree = othersSeen ? reserve : reserve / 2;
        if (fresh && observedRemaining - sentSinceObservation + ownCallsGoneSinceObservation(now) <= keepFree) {
            // the portal is near its limit: spread our calls over the rest of the window
            reserveRule = true;
            return Math.max(1, Math.min(observedAt + windowMillis - now, windowMillis / Math.max(1, limit)));
        }
        return 0;
    }

    /**
     * The most of this client's calls the headers just observed can have counted: every call sent before their answer
     * arrived that had not surely left the window when HubSpot computed them (answered a window before the observed
     * call was sent). When the headers count more calls than that, other callers (other apps, other instances of this
     * function) use the portal too, and the reserve rule keeps the whole reserve free for them. Alone, this client's
     * own share already leaves the reserve free, so the rule keeps only half of it, against its own calls counted
     * late: with the whole reserve the rule, which can only count calls gone one window after their answers, held a
     * lone client back for the latency at every turn of the window (an import at 171 calls per 10.3-11 s).
     */
    private long ownCallsTheHeadersMayCount() {
        long goneBefore = observedCallSentAt - windowMillis;
        return sent.stream().filter(c -> c.sentAt <= observedAt)
                .filter(c -> c.answeredAt == 0 || c.answeredAt > goneBefore).count();
    }

    /**
     * This client's calls that the last headers counted, or that were sent after them and subtracted, and that have
     * surely left the portal's rolling window since: the room they held is free again. Counted by the headers: answered
     * before the observed call was sent, and sent less than a window before its answer (so still in the window the
     * headers describe, whenever within its call HubSpot computed them). Gone: answered a whole window ago. Calls in
     * flight around the observation count neither way, and other callers' calls are never assumed gone. Without
     * this, a client that reached the reserve with its own calls stopped until the headers were a whole window old,
     * since it sent nothing that could bring newer ones; it ran at about 0.57 of the ceiling.
     */
    private long ownCallsGoneSinceObservation(long now) {
        long goneBy = now - windowMillis;
        long inObservedWindowAfter = observedAt - windowMillis;
        return sent.stream().filter(c -> c.answeredAt != 0 && c.answeredAt <= goneBy)
                .filter(c -> c.sentAt > observedAt
                        || (c.answeredAt <= observedCallSentAt && c.sentAt > inObservedWindowAfter))
                .count();
    }

    private long searchWait(long now) {
        prune(searches, now, 1000);
        return searches.size() >= searchPerSecond ? searches.peekFirst() + 1000 - now : 0;
    }

    private static void prune(Deque<Long> calls, long now, long windowMillis) {
        while (!calls.isEmpty() && calls.peekFirst() <= now - windowMillis) {
            calls.pollFirst();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pacing HubSpot calls", e);
        }
    }
}
