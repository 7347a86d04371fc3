package io.crmsync.salesforce.error;

import java.util.List;

/** Salesforce could not be reached or did not answer (connection refused, reset, timeout); retried with backoff. */
public class SalesforceUnavailableException extends TransientSalesforceException {

    public SalesforceUnavailableException(String message, Throwable cause) {
        super(0, "UNAVAILABLE", message, List.of());
        initCause(cause);
    }
}
