package io.crmsync.salesforce.error;

import java.util.List;

/** REQUEST_LIMIT_EXCEEDED for the org's rolling 24 h allocation. Never retried: waiting seconds does not help, and every retry would fail the same way; callers park the work until the budget recovers. */
public class DailyApiLimitExceededException extends SalesforceException {

    public DailyApiLimitExceededException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
