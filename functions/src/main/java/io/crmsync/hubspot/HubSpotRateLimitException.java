package io.crmsync.hubspot;

import java.time.Duration;

/**
 * 429 for a short window: {@code TEN_SECONDLY_ROLLING} (the burst limit) or {@code SECONDLY} (search). Retried after
 * {@link #retryAfter()}; it reaches a caller only when every retry was also refused.
 */
public class HubSpotRateLimitException extends HubSpotApiException {

    private final String policyName;
    private final Duration retryAfter;

    public HubSpotRateLimitException(String operation, String policyName, String message, String correlationId,
            Duration retryAfter) {
        super(operation, 429, "RATE_LIMITS", message + " [" + policyName + "]", correlationId);
        this.policyName = policyName;
        this.retryAfter = retryAfter;
    }

    public String policyName() {
        return policyName;
    }

    /** How long until the window has room again, as far as the client knows. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
