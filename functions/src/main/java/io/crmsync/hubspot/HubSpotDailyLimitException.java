package io.crmsync.hubspot;

import java.time.Instant;

/**
 * 429 with policy {@code DAILY}: the portal's daily call budget is spent. Never retried; work must stop and resume
 * after {@link #resetsAt()} (midnight in the portal's time zone).
 */
public class HubSpotDailyLimitException extends HubSpotApiException {

    private final Instant resetsAt;

    public HubSpotDailyLimitException(String operation, String message, String correlationId, Instant resetsAt) {
        super(operation, 429, "RATE_LIMITS", message + " [DAILY, resets at " + resetsAt + "]", correlationId);
        this.resetsAt = resetsAt;
    }

    public Instant resetsAt() {
        return resetsAt;
    }
}
