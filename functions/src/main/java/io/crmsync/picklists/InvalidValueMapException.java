package io.crmsync.picklists;

/** A value map that cannot work against the CRMs' schemas; {@code field} names the offending input. */
public class InvalidValueMapException extends RuntimeException {

    private final String field;

    public InvalidValueMapException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
