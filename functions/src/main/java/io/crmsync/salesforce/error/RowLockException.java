package io.crmsync.salesforce.error;

import java.util.List;

/** UNABLE_TO_LOCK_ROW: another transaction holds the record; retried with backoff. */
public class RowLockException extends TransientSalesforceException {

    public RowLockException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
