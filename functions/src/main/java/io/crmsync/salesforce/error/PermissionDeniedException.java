package io.crmsync.salesforce.error;

import java.util.List;

/** The integration user may not do this (INSUFFICIENT_ACCESS*, other 403 answers). */
public class PermissionDeniedException extends SalesforceException {

    public PermissionDeniedException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
