package io.crmsync.hubspot;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The HubSpot client's settings, under {@code crmsync.hubspot}. */
@ConfigMapping(prefix = "crmsync.hubspot")
public interface HubSpotConfig {

    /** {@code https://api.hubapi.com} in production; the sandbox's address locally. */
    @WithDefault("http://localhost:8092")
    String baseUrl();

    /** A private-app or service-key token given inline (local runs only). */
    Optional<String> token();

    /** The SSM SecureString parameter holding the token (deployments). */
    Optional<String> tokenParameter();

    @WithDefault("30s")
    Duration readTimeout();

    /**
     * HubSpot calls of one batch method (its 100-input chunks) sent at once, besides the caller's own, by all callers
     * of the process together. They wait for the shared pacer like any call, so more never means over the limit.
     */
    @WithDefault("8")
    int parallelCalls();

    Pacing pacing();

    Retry retry();

    interface Pacing {
        /** Share of {@code X-HubSpot-RateLimit-Max} this client allows itself, leaving room for other apps. */
        @WithDefault("0.9")
        double windowShare();

        /** Requests per window before the first rate-limit headers are seen (Professional: 190 per 10 s). */
        @WithDefault("170")
        int requestsPerWindow();

        /**
         * The burst window until headers give its real length; also how long a TEN_SECONDLY_ROLLING 429 waits
         * before its retry, since a rolling window is sure to have room again after one full length.
         */
        @WithDefault("10s")
        Duration window();

        /** Search is limited separately (5 per second per portal) and answers without rate-limit headers. */
        @WithDefault("4")
        int searchRequestsPerSecond();
    }

    interface Retry {
        @WithDefault("6")
        int maxRetries();

        /** First delay of the exponential backoff for 502/503/504 and connection failures. */
        @WithDefault("200ms")
        Duration serverErrorDelay();

        @WithDefault("20s")
        Duration maxDelay();

        /** Wait per attempt after a search SECONDLY 429 (HubSpot's own SDK uses 1 s x attempt). */
        @WithDefault("1s")
        Duration secondlyDelay();

        /** Wait after a 423 Locked (HubSpot asks for at least 2 s). */
        @WithDefault("2s")
        Duration lockedDelay();

        /** The portal's time zone: the DAILY limit resets at its midnight. */
        @WithDefault("UTC")
        String dailyResetZone();
    }
}
