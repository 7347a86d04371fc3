package io.crmsync.sync;

import io.quarkus.funqy.Funq;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/** The sync worker: one SQS message is one batch of records; failures are reported per message to SQS. */
public class SyncBatchFunction {

    @Inject
    SyncBatchService batches;

    @Inject
    Event<SyncBatchCompleted> completed;

    @Funq("syncBatch")
    public void syncBatch(SyncBatchMessage message) {
        SyncBatchService.SyncOutcome outcome = batches.process(message.validate());
        completed.fire(new SyncBatchCompleted(message, outcome));
    }
}
