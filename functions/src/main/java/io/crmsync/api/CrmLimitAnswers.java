package io.crmsync.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.crmsync.hubspot.HubSpotDailyLimitException;
import io.crmsync.salesforce.error.DailyApiLimitExceededException;

/**
 * Turns a CRM's spent daily API budget into the API's answer: 429 naming the budget and when to try again. It is a
 * state of the user's CRM account, not a fault of crm-sync or of the request, so it must not read as a 500 that sends
 * the user to the function's log.
 */
final class CrmLimitAnswers {

    /** Salesforce's allocation is a rolling 24 hours; an hour is a fair first wait before asking again. */
    private static final Duration SALESFORCE_RETRY_AFTER = Duration.ofHours(1);

    private CrmLimitAnswers() {
    }

    static Optional<ApiResponse> of(RuntimeException e, Instant now) {
        if (e instanceof DailyApiLimitExceededException) {
            return Optional.of(answer("SALESFORCE_DAILY_LIMIT", "The Salesforce org has used up its daily API request"
                    + " limit (a rolling 24 hours), so this request cannot read Salesforce now. Syncs pause and resume"
                    + " on their own as the allocation recovers; GET /api-usage shows what was spent.",
                    SALESFORCE_RETRY_AFTER));
        }
        if (e instanceof HubSpotDailyLimitException daily) {
            Duration wait = Duration.between(now, daily.resetsAt());
            return Optional.of(answer("HUBSPOT_DAILY_LIMIT", "The HubSpot portal has used up its daily API calls; the"
                    + " limit resets at " + daily.resetsAt() + ". Syncs pause until then; GET /api-usage shows what was"
                    + " spent.", wait.isNegative() ? Duration.ZERO : wait));
        }
        return Optional.empty();
    }

    private static ApiResponse answer(String code, String message, Duration retryAfter) {
        return new ApiResponse(429, ApiError.of(code, message, null),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds()))));
    }
}
