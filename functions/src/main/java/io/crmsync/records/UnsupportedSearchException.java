package io.crmsync.records;

/** A search this object's records cannot answer (by email, for an object with no email mapping). */
public class UnsupportedSearchException extends RuntimeException {

    public UnsupportedSearchException(String message) {
        super(message);
    }
}
