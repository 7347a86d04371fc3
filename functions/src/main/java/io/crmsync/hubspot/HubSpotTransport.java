package io.crmsync.hubspot;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.crmsync.limits.CallDeadline;
import io.crmsync.limits.CallDeadlineExceededException;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.model.RateLimitHeadroom;
import io.crmsync.usage.ApiCallCounter;
import io.smallrye.faulttolerance.api.Guard;

/**
 * One HubSpot call, done properly: wait for the pacer, count it by kind, send, learn from the rate-limit headers,
 * map errors to typed exceptions, and retry the passing ones (short-window 429s, 423, 477, 5xx, no answer) with
 * SmallRye Fault Tolerance. DAILY 429s and client errors are never retried.
 */
final class HubSpotTransport {

    private final ApiCallCounter calls;
    private final ApiCallCounter failures;
    private final RateLimitPacer pacer;
    private final HubSpotErrors errors;
    private final ObjectMapper mapper;
    private final Guard guard;
    private final Clock clock;
    private final BearerTokenHeaders token;
    private final AtomicReference<RateLimitHeadroom> headroom = new AtomicReference<>();

    HubSpotTransport(HubSpotConfig config, ApiCallCounter calls, ApiCallCounter failures, ObjectMapper mapper,
            Clock clock, BearerTokenHeaders token) {
        this.token = token;
        this.calls = calls;
        this.failures = failures;
        this.mapper = mapper;
        this.clock = clock;
        this.pacer = new RateLimitPacer(clock, config.pacing().windowShare(), config.pacing().requestsPerWindow(),
                config.pacing().window(), config.pacing().searchRequestsPerSecond());
        this.errors = new HubSpotErrors(mapper, java.time.ZoneId.of(config.retry().dailyResetZone()));
        HubSpotConfig.Retry retry = config.retry();
        this.guard = Guard.create()
                .withDescription("hubspot")
                .withRetry()
                .maxRetries(retry.maxRetries())
                .delay(0, ChronoUnit.MILLIS)
                .jitter(0, ChronoUnit.MILLIS)
                .maxDuration(15, ChronoUnit.MINUTES)
                .retryOn(List.of(HubSpotRateLimitException.class, HubSpotUnavailableException.class))
                .abortOn(List.of(HubSpotDailyLimitException.class, CallDeadlineExceededException.class))
                .withCustomBackoff().strategy(() -> new HubSpotBackoff(retry)).done()
                .done()
                .build();
    }

    /**
     * Sends {@code request} (retrying as needed) and answers the parsed JSON body, empty for 204. A 401 re-reads the
     * token once (it may have been rotated in SSM) and sends the request again; a second 401 means the configured
     * token itself is wrong.
     */
    JsonNode call(String kind, Supplier<Response> request) {
        try {
            return guarded(kind, request);
        } catch (HubSpotAuthenticationException e) {
            if (e.status() != 401) {
                throw e;
            }
            token.forget();
            try {
                return guarded(kind, request);
            } catch (HubSpotAuthenticationException again) {
                if (again.status() != 401) {
                    throw again;
                }
                throw new HubSpotTokenRejectedException(kind, again);
            }
        }
    }

    private JsonNode guarded(String kind, Supplier<Response> request) {
        try {
            return guard.call(() -> attempt(kind, request), JsonNode.class);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HubSpotApiException(kind, e.getClass().getSimpleName(), e);
        }
    }

    PacerWaits pacerWaits() {
        return pacer.waits();
    }

    int callsWaitingAtPacer() {
        return pacer.waiting();
    }

    Optional<RateLimitHeadroom> headroom() {
        return Optional.ofNullable(headroom.get());
    }

    private JsonNode attempt(String kind, Supplier<Response> request) {
        boolean search = kind.equals("search");
        CallDeadline.requireTimeLeft("HubSpot " + kind);
        RateLimitPacer.Paced paced = pacer.acquire(search);
        calls.record(kind);
        Response response;
        try {
            response = request.get();
        } catch (ProcessingException e) {
            throw new HubSpotUnavailableException(kind, "no answer from HubSpot: " + rootMessage(e), e);
        }
        pacer.answered(paced);
        try (response) {
            observeHeaders(response, paced);
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            int status = response.getStatus();
            if (status >= 200 && status < 300) {
                return parse(kind, body);
            }
            failures.record(kind + "." + status);
            throw errors.toException(kind, status, body, pacer.windowMillis(), response.getHeaderString("Retry-After"),
                    search ? "search" : null);
        }
    }

    private void observeHeaders(Response response, RateLimitPacer.Paced paced) {
        String max = response.getHeaderString("X-HubSpot-RateLimit-Max");
        String remaining = response.getHeaderString("X-HubSpot-RateLimit-Remaining");
        String interval = response.getHeaderString("X-HubSpot-RateLimit-Interval-Milliseconds");
        if (max == null || remaining == null || interval == null) {
            return; // search answers carry no rate-limit headers
        }
        try {
            RateLimitHeadroom seen = new RateLimitHeadroom(Integer.parseInt(max.trim()), Integer.parseInt(remaining.trim()),
                    Long.parseLong(interval.trim()), optionalLong(response.getHeaderString("X-HubSpot-RateLimit-Daily")),
                    optionalLong(response.getHeaderString("X-HubSpot-RateLimit-Daily-Remaining")), Instant.now(clock));
            headroom.set(seen);
            pacer.observe(seen, paced);
        } catch (NumberFormatException e) {
            // a malformed header must not fail the call; pacing keeps its last known window
        }
    }

    private JsonNode parse(String kind, String body) {
        if (body == null || body.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (Exception e) {
            throw new HubSpotInvalidResponseException(kind, "the answer is not JSON", e);
        }
    }

    private static OptionalLong optionalLong(String value) {
        try {
            return value == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
