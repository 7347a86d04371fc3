package io.crmsync.resync;

/** The list exists but holds records of a type crm-sync does not sync. */
public class UnsupportedSegmentException extends RuntimeException {

    public UnsupportedSegmentException(String message) {
        super(message);
    }
}
