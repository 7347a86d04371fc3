package io.crmsync.limits;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.crmsync.hubspot.HubSpotDailyLimitException;
import io.crmsync.salesforce.error.DailyApiLimitExceededException;

/**
 * A CRM answered that its daily API budget is spent, and when it is worth asking again: HubSpot names its reset
 * (midnight in the portal's time zone); Salesforce's allocation is a rolling 24 hours, so it recovers gradually and
 * an hour is a fair first wait.
 */
public record DailyLimitHit(String crm, Instant resetsAt) {

    public static final String SALESFORCE = "salesforce";
    public static final String HUBSPOT = "hubspot";
    static final Duration SALESFORCE_RECHECK = Duration.ofHours(1);

    /** The hit {@code e} reports, if it is one (anywhere in its causes). */
    public static Optional<DailyLimitHit> of(Throwable e, Instant now) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HubSpotDailyLimitException daily) {
                Instant reset = daily.resetsAt() == null || daily.resetsAt().isBefore(now) ? now : daily.resetsAt();
                return Optional.of(new DailyLimitHit(HUBSPOT, reset));
            }
            if (t instanceof DailyApiLimitExceededException) {
                return Optional.of(new DailyLimitHit(SALESFORCE, now.plus(SALESFORCE_RECHECK)));
            }
        }
        return Optional.empty();
    }
}
