package io.crmsync.store;

/** The job is not in a state that allows the requested change (e.g. completing a cancelled job). */
public class ImportJobStateException extends RuntimeException {

    private final ImportStatus current;

    public ImportJobStateException(String jobId, ImportStatus current, String attempted) {
        super("Import job " + jobId + " is " + current + " and cannot " + attempted);
        this.current = current;
    }

    public ImportStatus current() {
        return current;
    }
}
