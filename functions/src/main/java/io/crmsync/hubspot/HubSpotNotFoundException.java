package io.crmsync.hubspot;

/** 404: the object, list or route does not exist. */
public class HubSpotNotFoundException extends HubSpotApiException {

    public HubSpotNotFoundException(String operation, int status, String category, String message, String correlationId) {
        super(operation, status, category, message, correlationId);
    }
}
