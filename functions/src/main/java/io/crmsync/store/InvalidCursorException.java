package io.crmsync.store;

/** A paging cursor that this store did not issue for this listing (tampered, truncated or from another list). */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String reason) {
        super("Invalid paging cursor: " + reason);
    }
}
