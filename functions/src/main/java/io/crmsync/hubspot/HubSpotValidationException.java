package io.crmsync.hubspot;

/** 400: HubSpot refused the request as invalid (unknown property, bad value, over a limit). */
public class HubSpotValidationException extends HubSpotApiException {

    public HubSpotValidationException(String operation, int status, String category, String message, String correlationId) {
        super(operation, status, category, message, correlationId);
    }
}
