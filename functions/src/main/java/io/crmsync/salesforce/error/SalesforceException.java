package io.crmsync.salesforce.error;

import java.util.List;

/**
 * An error answered by the Salesforce API: HTTP status, Salesforce's {@code errorCode} and the fields it names.
 * Subclasses are the failure modes callers handle differently; this base type is the rest.
 */
public class SalesforceException extends RuntimeException {

    private final int status;
    private final String errorCode;
    private final List<String> fields;

    public SalesforceException(int status, String errorCode, String message, List<String> fields) {
        super(errorCode + " (HTTP " + status + "): " + message);
        this.status = status;
        this.errorCode = errorCode;
        this.fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    public List<String> fields() {
        return fields;
    }
}
