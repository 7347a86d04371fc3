package io.crmsync.salesforce.error;

import java.util.List;

/** A failure that may succeed when simply tried again shortly; the client retries these with backoff. */
public abstract class TransientSalesforceException extends SalesforceException {

    protected TransientSalesforceException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
