package io.crmsync.salesforce.error;

import java.util.List;

/** REQUEST_LIMIT_EXCEEDED for too many concurrent long-running requests; clears as they finish, so it is retried. */
public class ConcurrentRequestLimitException extends TransientSalesforceException {

    public ConcurrentRequestLimitException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
