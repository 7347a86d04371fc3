package io.crmsync.resync;

/** A resync named a record id that does not exist in the CRM it belongs to. */
public class RecordNotFoundException extends RuntimeException {

    public RecordNotFoundException(String message) {
        super(message);
    }
}
