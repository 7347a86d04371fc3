package io.crmsync.imports.definition;

/**
 * An import definition that cannot run as given: an unknown object or field, an operator the field's type does not
 * support, a value of the wrong type. {@code field} names the offending part of the request ({@code filters[1].value}).
 */
public class InvalidImportException extends RuntimeException {

    private final String code;
    private final String field;

    public InvalidImportException(String code, String message, String field) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
