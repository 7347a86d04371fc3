package io.crmsync.imports.chunk;

/** A record HubSpot refused, with the error category shown to users ({@code INVALID_EMAIL}, ...) and its message. */
public record RecordFailure(String salesforceId, String category, String message) {
}
