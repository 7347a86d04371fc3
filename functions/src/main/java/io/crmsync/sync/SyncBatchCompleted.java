package io.crmsync.sync;

/**
 * Fired (CDI event) after a sync batch has been processed without throwing, so other capabilities can follow the
 * work without the worker knowing them: resync progress, persisted API usage.
 */
public record SyncBatchCompleted(SyncBatchMessage message, SyncBatchService.SyncOutcome outcome) {
}
