package io.crmsync.salesforce.soql;

/** A query the builder refuses to render: unknown object or field, or a value of the wrong type for its field. */
public class SoqlValidationException extends RuntimeException {

    public SoqlValidationException(String message) {
        super(message);
    }
}
