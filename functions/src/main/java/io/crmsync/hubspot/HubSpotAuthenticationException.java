package io.crmsync.hubspot;

/** 401/403: the token is missing, invalid, expired or lacks a scope. Retrying will not help. */
public class HubSpotAuthenticationException extends HubSpotApiException {

    public HubSpotAuthenticationException(String operation, int status, String category, String message, String correlationId) {
        super(operation, status, category, message, correlationId);
    }
}
