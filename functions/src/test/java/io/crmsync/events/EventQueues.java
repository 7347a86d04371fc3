package io.crmsync.events;

import java.util.List;

import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.testing.SyncQueue;

/** Takes everything off the sync queue (ElasticMQ), as Lambda's event source would hand it to the worker. */
final class EventQueues {

    private EventQueues() {
    }

    static List<SyncBatchMessage> drainSyncQueue() {
        return SyncQueue.drain();
    }

    static List<String> hubspotIds(List<SyncBatchMessage> messages) {
        return messages.stream().flatMap(m -> m.records().stream()).map(SyncBatchMessage.RecordRef::hubspotId).toList();
    }

    static List<String> salesforceIds(List<SyncBatchMessage> messages) {
        return messages.stream().flatMap(m -> m.records().stream()).map(SyncBatchMessage.RecordRef::salesforceId)
                .toList();
    }
}
