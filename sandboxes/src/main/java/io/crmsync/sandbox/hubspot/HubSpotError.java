package io.crmsync.sandbox.hubspot;

import java.util.Map;

/**
 * An error answer of the sandbox, in HubSpot's shape. Also the scripted-error type for {@link
 * io.crmsync.sandbox.common.FaultInjection}, so a test can say "the next 3 calls answer 423" or "the next call is a
 * TEN_SECONDLY_ROLLING 429".
 *
 * @param policyName only for 429s: {@code TEN_SECONDLY_ROLLING}, {@code SECONDLY} or {@code DAILY}
 * @param headers    extra response headers, e.g. {@code Retry-After} for 477
 */
public record HubSpotError(int status, String category, String message, String policyName, Map<String, String> headers) {

    public HubSpotError {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static HubSpotError of(int status, String category, String message) {
        return new HubSpotError(status, category, message, null, Map.of());
    }

    public static HubSpotError validation(String message) {
        return of(400, "VALIDATION_ERROR", message);
    }

    public static HubSpotError notFound(String message) {
        return of(404, "OBJECT_NOT_FOUND", message);
    }

    public static HubSpotError tenSecondlyRolling() {
        return new HubSpotError(429, "RATE_LIMITS", "You have reached your ten_secondly_rolling limit.",
                "TEN_SECONDLY_ROLLING", Map.of());
    }

    public static HubSpotError secondly() {
        return new HubSpotError(429, "RATE_LIMITS", "You have reached your secondly limit.", "SECONDLY", Map.of());
    }

    public static HubSpotError daily() {
        return new HubSpotError(429, "RATE_LIMITS", "You have reached your daily limit.", "DAILY", Map.of());
    }

    public static HubSpotError locked() {
        return of(423, "LOCKED", "The resource is locked, try again in a few seconds.");
    }

    public static HubSpotError migrationInProgress(int retryAfterSeconds) {
        return new HubSpotError(477, "MIGRATION_IN_PROGRESS", "The portal is being migrated.", null,
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public static HubSpotError serverError(int status) {
        return of(status, "INTERNAL_ERROR", "internal error");
    }

    public boolean isRateLimit() {
        return status == 429;
    }
}
