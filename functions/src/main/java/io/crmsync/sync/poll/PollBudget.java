package io.crmsync.sync.poll;

import java.time.Clock;
import java.time.Instant;

/**
 * How much one poll run may read: whole pages up to {@code maxRecords} records per change read (each Salesforce
 * sObject, each HubSpot search; counted in records because a Salesforce page holds 2,000 and a HubSpot page 200), and
 * no page, object or queueing started after {@code stopStartingAt}, which lies far enough before the function's
 * timeout to queue what was read and save the checkpoint.
 */
public record PollBudget(int maxRecords, Instant stopStartingAt, Clock clock) {

    public PollBudget {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("crmsync.sync.poll.max-records must be at least 1, was " + maxRecords);
        }
    }

    /** Whether a read that has read {@code pagesRead} pages of {@code pageSize} may read one more. */
    public boolean allowsPage(int pagesRead, int pageSize) {
        return (long) pagesRead * pageSize < maxRecords && hasTime();
    }

    public boolean hasTime() {
        return clock.instant().isBefore(stopStartingAt);
    }
}
