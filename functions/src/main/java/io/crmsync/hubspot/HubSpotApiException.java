package io.crmsync.hubspot;

/**
 * A HubSpot API call that failed, with what HubSpot said about it: the HTTP status, the error {@code category}
 * (e.g. {@code VALIDATION_ERROR}, {@code RATE_LIMITS}) and the {@code correlationId} HubSpot support asks for.
 * Subclasses name the failure modes callers handle differently. Never carries the token.
 */
public class HubSpotApiException extends RuntimeException {

    private final String operation;
    private final int status;
    private final String category;
    private final String correlationId;

    public HubSpotApiException(String operation, int status, String category, String message, String correlationId) {
        super("HubSpot " + operation + " failed with " + status + (category == null ? "" : " " + category) + ": "
                + message + (correlationId == null ? "" : " (correlationId " + correlationId + ")"));
        this.operation = operation;
        this.status = status;
        this.category = category;
        this.correlationId = correlationId;
    }

    public HubSpotApiException(String operation, String message, Throwable cause) {
        super("HubSpot " + operation + " failed: " + message, cause);
        this.operation = operation;
        this.status = 0;
        this.category = null;
        this.correlationId = null;
    }

    /** The kind of call, as counted: {@code objects.batch.upsert}, {@code search}, ... */
    public String operation() {
        return operation;
    }

    /** The HTTP status, or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    public String category() {
        return category;
    }

    public String correlationId() {
        return correlationId;
    }
}
