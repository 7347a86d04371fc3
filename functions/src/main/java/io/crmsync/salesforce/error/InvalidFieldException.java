package io.crmsync.salesforce.error;

import java.util.List;

/** INVALID_FIELD (and INVALID_FIELD_FOR_INSERT_UPDATE): a field that does not exist or cannot be used this way. */
public class InvalidFieldException extends SalesforceException {

    public InvalidFieldException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
