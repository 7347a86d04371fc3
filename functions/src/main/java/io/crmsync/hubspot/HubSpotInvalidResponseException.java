package io.crmsync.hubspot;

/** HubSpot (or something pretending to be it) answered with a body the client cannot read. */
public class HubSpotInvalidResponseException extends HubSpotApiException {

    public HubSpotInvalidResponseException(String operation, String message, Throwable cause) {
        super(operation, message, cause);
    }
}
