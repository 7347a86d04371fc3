package io.crmsync.hubspot.model;

import java.time.Instant;
import java.util.OptionalLong;

/** What the last {@code X-HubSpot-RateLimit-*} headers said, and when. */
public record RateLimitHeadroom(int max, int remaining, long intervalMillis, OptionalLong dailyMax,
        OptionalLong dailyRemaining, Instant observedAt) {
}
