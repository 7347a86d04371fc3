package io.crmsync.hubspot;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import io.crmsync.hubspot.model.RateLimitHeadroom;

/**
 * Paces calls so a steady workload stays under HubSpot's burst limit instead of bouncing off 429s.
 * <p>
 * Hand-written because SmallRye Fault Tolerance's rate limit <em>rejects</em> calls over the limit, and here the
 * caller must <em>wait</em>; and because the limit is learned at run time from {@code X-HubSpot-RateLimit-Max} /
 * {@code -Interval-Milliseconds} and the share used by other apps from {@code -Remaining}. Two rules: this client's
 * own calls in the rolling window stay under {@code share x max}; and when the last headers said the portal as a
 * whole is down to its reserve (other apps are busy too), wait for the window to move.
 */
final class RateLimitPacer {

    private final Clock clock;
    private final double share;
    private final int searchPerSecond;
    private final Deque<Long> sent = new ArrayDeque<>();
    private final Deque<Long> searches = new ArrayDeque<>();
    private int limit;
    private int reserve;
    private long windowMillis;
    private int observedRemaining = -1;
    private long observedAt;
    private int sentSinceObservation;

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

    /** Blocks until one more call fits. */
    void acquire(boolean search) {
        while (true) {
            long wait;
            synchronized (this) {
                long now = clock.millis();
                wait = search ? searchWait(now) : windowWait(now);
                if (wait <= 0) {
                    if (search) {
                        searches.addLast(now);
                    } else {
                        sent.addLast(now);
                        sentSinceObservation++;
                    }
                    return;
                }
            }
            sleep(wait);
        }
    }

    /** Learns the window from the headers of a (non-search) answer. */
    synchronized void observe(RateLimitHeadroom headroom) {
        if (headroom.max() > 0 && headroom.intervalMillis() > 0) {
            limit = Math.max(1, (int) Math.floor(headroom.max() * share));
            reserve = headroom.max() - limit;
            windowMillis = headroom.intervalMillis();
        }
        observedRemaining = headroom.remaining();
        observedAt = clock.millis();
        sentSinceObservation = 0;
    }

    synchronized long windowMillis() {
        return windowMillis;
    }

    private long windowWait(long now) {
        prune(sent, now, windowMillis);
        if (sent.size() >= limit) {
            return sent.peekFirst() + windowMillis - now;
        }
        boolean fresh = observedRemaining >= 0 && now - observedAt < windowMillis;
        if (fresh && observedRemaining - sentSinceObservation <= reserve) {
            // The portal is near its limit (other apps, or this process's own burst): one call per window/limit, so
            // calls keep flowing and their answers keep saying what is left. Holding every call until a fresh answer
            // came back could never end (no call, no answer): it stalled all callers for a whole window.
            long last = Math.max(observedAt, sent.isEmpty() ? Long.MIN_VALUE : sent.peekLast());
            long spacing = Math.max(1, windowMillis / Math.max(1, limit));
            return Math.max(0, last + spacing - now);
        }
        return 0;
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
