package io.crmsync.salesforce.error;

import java.util.List;

/** Salesforce answered something the client cannot use (wrong JSON shape, missing fields, a foreign URL). */
public class InvalidResponseException extends SalesforceException {

    public InvalidResponseException(String message) {
        super(0, "INVALID_RESPONSE", message, List.of());
    }
}
