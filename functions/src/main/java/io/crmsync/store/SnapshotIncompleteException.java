package io.crmsync.store;

/** A snapshot's parts do not add up to what its head item promises (parts deleted or a manual edit). */
public class SnapshotIncompleteException extends RuntimeException {

    public SnapshotIncompleteException(String snapshotId, String problem) {
        super("Segment snapshot " + snapshotId + " is incomplete: " + problem);
    }
}
