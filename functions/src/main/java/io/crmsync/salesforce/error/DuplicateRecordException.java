package io.crmsync.salesforce.error;

import java.util.List;

/** DUPLICATES_DETECTED (a duplicate rule) or DUPLICATE_VALUE (a unique field). */
public class DuplicateRecordException extends SalesforceException {

    public DuplicateRecordException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
