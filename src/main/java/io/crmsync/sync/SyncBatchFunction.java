package io.crmsync.sync;

import io.quarkus.funqy.Funq;
import jakarta.inject.Inject;

/** The sync worker: one SQS message is one batch of records; failures are reported per message to SQS. */
public class SyncBatchFunction {

    @Inject
    SyncBatchService batches;

    @Funq("syncBatch")
    public void syncBatch(SyncBatchMessage message) {
        batches.process(message.validate());
    }
}
