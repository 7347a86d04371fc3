package io.crmsync.hubspot;

import java.util.concurrent.ThreadLocalRandom;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;

/**
 * The wait before a retry depends on why the call failed, which SmallRye's fixed/exponential backoffs cannot
 * express, hence this custom strategy: a TEN_SECONDLY_ROLLING 429 waits out the rolling window, a search SECONDLY
 * 429 waits 1 s x attempt (as HubSpot's own SDK), 423 waits the configured lock delay, 477 its Retry-After, and
 * 5xx / connection failures back off exponentially with jitter. One instance per guarded call.
 */
final class HubSpotBackoff implements CustomBackoffStrategy {

    private final HubSpotConfig.Retry config;
    private int attempt;

    HubSpotBackoff(HubSpotConfig.Retry config) {
        this.config = config;
    }

    @Override
    public long nextDelayInMillis(Throwable cause) {
        return io.crmsync.limits.CallDeadline.clampDelay(delay(cause));
    }

    private long delay(Throwable cause) {
        attempt++;
        if (cause instanceof HubSpotRateLimitException rateLimit) {
            if (rateLimit.policyName().equals("SECONDLY")) {
                return config.secondlyDelay().toMillis() * attempt;
            }
            return rateLimit.retryAfter().toMillis() + jitter(rateLimit.retryAfter().toMillis() / 10 + 1);
        }
        if (cause instanceof HubSpotUnavailableException unavailable) {
            if (unavailable.status() == 423) {
                return config.lockedDelay().toMillis();
            }
            if (unavailable.retryAfter().isPresent()) {
                return unavailable.retryAfter().get().toMillis();
            }
        }
        long base = config.serverErrorDelay().toMillis();
        long exponential = Math.min(config.maxDelay().toMillis(), base * (1L << Math.min(20, attempt - 1)));
        // "equal jitter": at least half the backoff, so retries spread out without collapsing to zero
        return exponential / 2 + jitter(exponential / 2 + 1);
    }

    private static long jitter(long bound) {
        return ThreadLocalRandom.current().nextLong(Math.max(1, bound));
    }
}
