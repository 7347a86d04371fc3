package io.crmsync.hubspot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Turns a HubSpot error answer (status + {@code {"status":"error","message","category","correlationId"}}) into the typed exception. */
final class HubSpotErrors {

    private final ObjectMapper mapper;
    private final ZoneId dailyResetZone;

    HubSpotErrors(ObjectMapper mapper, ZoneId dailyResetZone) {
        this.mapper = mapper;
        this.dailyResetZone = dailyResetZone;
    }

    /**
     * @param windowMillis  the burst window as last learned, which a TEN_SECONDLY_ROLLING 429 must wait out
     * @param retryAfterHeader the {@code Retry-After} header, in seconds, if any (477)
     */
    HubSpotApiException toException(String operation, int status, String body, long windowMillis,
            String retryAfterHeader, String secondlyHint) {
        JsonNode json = parse(body);
        String message = json.path("message").asText(body == null || body.isBlank() ? "(no body)" : abbreviate(body));
        String category = json.hasNonNull("category") ? json.get("category").asText()
                : json.hasNonNull("errorType") ? json.get("errorType").asText() : null;
        String correlationId = json.hasNonNull("correlationId") ? json.get("correlationId").asText() : null;
        return switch (status) {
            case 400 -> new HubSpotValidationException(operation, status, category, message, correlationId);
            case 401, 403 -> new HubSpotAuthenticationException(operation, status, category, message, correlationId);
            case 404 -> new HubSpotNotFoundException(operation, status, category, message, correlationId);
            case 409 -> new HubSpotConflictException(operation, status, category, message, correlationId);
            case 429 -> rateLimit(operation, json, message, correlationId, windowMillis, secondlyHint);
            case 423 -> new HubSpotUnavailableException(operation, status, category, message, correlationId, null);
            case 477 -> new HubSpotUnavailableException(operation, status, category, message, correlationId,
                    retryAfter(retryAfterHeader));
            case 500, 502, 503, 504, 524 -> new HubSpotUnavailableException(operation, status, category, message,
                    correlationId, null);
            default -> new HubSpotApiException(operation, status, category, message, correlationId);
        };
    }

    private HubSpotApiException rateLimit(String operation, JsonNode json, String message, String correlationId,
            long windowMillis, String secondlyHint) {
        String policy = json.path("policyName").asText("");
        if (policy.equals("DAILY")) {
            Instant reset = LocalDate.now(dailyResetZone).plusDays(1).atStartOfDay(dailyResetZone).toInstant();
            return new HubSpotDailyLimitException(operation, message, correlationId, reset);
        }
        if (policy.equals("SECONDLY") || (policy.isEmpty() && secondlyHint != null)) {
            return new HubSpotRateLimitException(operation, "SECONDLY", message, correlationId, Duration.ofSeconds(1));
        }
        // TEN_SECONDLY_ROLLING, or an unnamed policy: the rolling window is the only safe wait
        return new HubSpotRateLimitException(operation, policy.isEmpty() ? "TEN_SECONDLY_ROLLING" : policy, message,
                correlationId, Duration.ofMillis(windowMillis));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(body);
        } catch (Exception notJson) {
            return mapper.createObjectNode(); // gateways answer 502/504 with HTML; the status says enough
        }
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null ? Duration.ofSeconds(1) : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static String abbreviate(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }
}
