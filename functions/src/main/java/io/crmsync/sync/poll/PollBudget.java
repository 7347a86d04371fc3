package io.crmsync.sync.poll;

import java.time.Clock;
import java.time.Instant;

/**
 * How much one poll run may read: at most {@code maxPages} pages per change read (each sObject, each HubSpot search),
 * and no page, object or queueing started after {@code stopStartingAt}, which lies far enough before the function's
 * timeout to queue what was read and save the checkpoint.
 */
public record PollBudget(int maxPages, Instant stopStartingAt, Clock clock) {

    public PollBudget {
        if (maxPages < 1) {
            throw new IllegalArgumentException("crmsync.sync.poll.max-pages must be at least 1, was " + maxPages);
        }
    }

    /** Whether a read that has read {@code pagesRead} pages may read one more. */
    public boolean allowsPage(int pagesRead) {
        return pagesRead < maxPages && hasTime();
    }

    public boolean hasTime() {
        return clock.instant().isBefore(stopStartingAt);
    }
}
