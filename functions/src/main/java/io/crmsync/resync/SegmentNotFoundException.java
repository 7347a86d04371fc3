package io.crmsync.resync;

/** A segment resync named a HubSpot list that does not exist. */
public class SegmentNotFoundException extends RuntimeException {

    public SegmentNotFoundException(String listId) {
        super("HubSpot has no list " + listId + ".");
    }
}
