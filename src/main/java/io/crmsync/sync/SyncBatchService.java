package io.crmsync.sync;

import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/** Syncs a batch of pairings. The rules engine arrives with the two-way sync issue; until then batches are recorded. */
@ApplicationScoped
public class SyncBatchService {

    private static final Logger LOG = Logger.getLogger(SyncBatchService.class);

    public void process(SyncBatchMessage message) {
        LOG.infof("Sync batch %s received: %d %s records (%s)", message.batchId(), message.records().size(),
                message.object(), message.reason());
    }
}
