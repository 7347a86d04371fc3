package io.crmsync.settings;

/** A mapping the user asked for that cannot work; {@code field} names the offending property or field. */
public class InvalidMappingException extends RuntimeException {

    private final String field;

    public InvalidMappingException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
