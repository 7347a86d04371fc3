package io.crmsync.hubspot;

import java.time.Duration;
import java.util.Optional;

/**
 * A passing failure: 423 Locked, 477 Migration in progress, 502/503/504/524, or no answer at all. Retried with
 * backoff; reaches a caller only when the retries ran out.
 */
public class HubSpotUnavailableException extends HubSpotApiException {

    private final transient Duration retryAfter;

    public HubSpotUnavailableException(String operation, int status, String category, String message,
            String correlationId, Duration retryAfter) {
        super(operation, status, category, message, correlationId);
        this.retryAfter = retryAfter;
    }

    public HubSpotUnavailableException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
        this.retryAfter = null;
    }

    /** A wait HubSpot asked for (Retry-After, or 2 s for 423), when there is one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
