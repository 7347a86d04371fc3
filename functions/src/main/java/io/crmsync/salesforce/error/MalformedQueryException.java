package io.crmsync.salesforce.error;

import java.util.List;

/** MALFORMED_QUERY: Salesforce could not parse the SOQL. */
public class MalformedQueryException extends SalesforceException {

    public MalformedQueryException(int status, String errorCode, String message, List<String> fields) {
        super(status, errorCode, message, fields);
    }
}
