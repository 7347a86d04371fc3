package io.crmsync.sandbox.hubspot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;

/**
 * HubSpot's three counters for a private app: a rolling burst window (Professional: 190 calls per 10 s), a daily
 * count that resets at midnight (the portal's time zone; UTC here) and the search API's own per-second limit (5).
 * Search calls do not count against the burst window and get no rate-limit headers, as on the real API.
 */
public final class SandboxRateLimits {

    private Duration window = Duration.ofSeconds(10);
    private int windowMax = 190;
    private long dailyMax = 650_000;
    private int searchPerSecond = 5;

    private final Deque<Long> windowCalls = new ArrayDeque<>();
    private final Deque<Long> searchCalls = new ArrayDeque<>();
    private long dailyUsed;
    private LocalDate day = LocalDate.now(ZoneOffset.UTC);

    /** The outcome of admitting one call: an error to answer with, and the headers to send. */
    record Admission(Optional<HubSpotError> rejection, Map<String, String> headers) {
    }

    public synchronized SandboxRateLimits window(Duration window, int max) {
        if (window.isNegative() || window.isZero() || max < 1) {
            throw new IllegalArgumentException("rate-limit window must be positive and allow at least one call");
        }
        this.window = window;
        this.windowMax = max;
        windowCalls.clear();
        return this;
    }

    public synchronized SandboxRateLimits dailyMax(long max) {
        this.dailyMax = max;
        return this;
    }

    public synchronized SandboxRateLimits searchPerSecond(int max) {
        this.searchPerSecond = max;
        return this;
    }

    /** Uses up the rest of today's calls, so every call answers the DAILY 429 until {@link #reset()}. */
    public synchronized void exhaustDaily() {
        rollDay();
        dailyUsed = dailyMax;
    }

    /** Gives the day's calls back, as midnight would; the other limits stay as set. */
    public synchronized void restoreDaily() {
        rollDay();
        dailyUsed = 0;
    }

    public synchronized long dailyUsed() {
        rollDay();
        return dailyUsed;
    }

    public synchronized void reset() {
        window = Duration.ofSeconds(10);
        windowMax = 190;
        dailyMax = 650_000;
        searchPerSecond = 5;
        windowCalls.clear();
        searchCalls.clear();
        dailyUsed = 0;
    }

    synchronized Admission admit(boolean search, Instant now) {
        long nowMillis = now.toEpochMilli();
        rollDay();
        prune(windowCalls, nowMillis, window.toMillis());
        prune(searchCalls, nowMillis, 1000);
        if (dailyUsed >= dailyMax) {
            return new Admission(Optional.of(HubSpotError.daily()), search ? Map.of() : headers());
        }
        if (search) {
            if (searchCalls.size() >= searchPerSecond) {
                return new Admission(Optional.of(HubSpotError.secondly()), Map.of());
            }
            searchCalls.addLast(nowMillis);
            dailyUsed++;
            return new Admission(Optional.empty(), Map.of());
        }
        if (windowCalls.size() >= windowMax) {
            return new Admission(Optional.of(HubSpotError.tenSecondlyRolling()), headers());
        }
        windowCalls.addLast(nowMillis);
        dailyUsed++;
        return new Admission(Optional.empty(), headers());
    }

    private Map<String, String> headers() {
        return Map.of(
                "X-HubSpot-RateLimit-Max", String.valueOf(windowMax),
                "X-HubSpot-RateLimit-Remaining", String.valueOf(Math.max(0, windowMax - windowCalls.size())),
                "X-HubSpot-RateLimit-Interval-Milliseconds", String.valueOf(window.toMillis()),
                "X-HubSpot-RateLimit-Daily", String.valueOf(dailyMax),
                "X-HubSpot-RateLimit-Daily-Remaining", String.valueOf(Math.max(0, dailyMax - dailyUsed)));
    }

    private void rollDay() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        if (!today.equals(day)) {
            day = today;
            dailyUsed = 0;
        }
    }

    private static void prune(Deque<Long> calls, long nowMillis, long windowMillis) {
        while (!calls.isEmpty() && calls.peekFirst() <= nowMillis - windowMillis) {
            calls.pollFirst();
        }
    }
}
