package io.crmsync.salesforce.error;

import java.util.List;

/** FIELD_CUSTOM_VALIDATION_EXCEPTION: an org validation rule refused the record. */
public class ValidationRuleException extends SalesforceException {

    public ValidationRuleException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
