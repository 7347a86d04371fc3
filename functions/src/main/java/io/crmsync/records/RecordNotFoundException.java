package io.crmsync.records;

/** Neither CRM has the record asked for. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String message) {
        super(message);
    }
}
