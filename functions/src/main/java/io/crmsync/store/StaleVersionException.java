package io.crmsync.store;

/** Someone else saved the item since it was read: re-read, re-apply the change, save again. */
public class StaleVersionException extends RuntimeException {

    private final String what;
    private final long expectedVersion;
    private final long actualVersion;

    public StaleVersionException(String what, long expectedVersion, long actualVersion) {
        super(what + " was changed concurrently: expected version " + expectedVersion + " but found " + actualVersion);
        this.what = what;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    /** What was changed, e.g. "Settings mappings.contact". */
    public String what() {
        return what;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
