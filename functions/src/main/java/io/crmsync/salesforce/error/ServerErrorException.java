package io.crmsync.salesforce.error;

import java.util.List;

/** A 5xx answer from Salesforce; retried with backoff. */
public class ServerErrorException extends TransientSalesforceException {

    public ServerErrorException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
