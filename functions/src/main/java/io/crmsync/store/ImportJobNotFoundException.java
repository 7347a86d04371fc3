package io.crmsync.store;

public class ImportJobNotFoundException extends RuntimeException {

    public ImportJobNotFoundException(String jobId) {
        super("No import job " + jobId);
    }
}
