package io.crmsync.events.salesforce;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import io.crmsync.events.SeenEvents;
import io.crmsync.events.SyncWork;
import io.crmsync.salesforce.http.CallOptions;
import io.crmsync.settings.ObjectPair;
import io.crmsync.settings.ObjectPairs;
import io.crmsync.sync.SyncBatchMessage;
import io.crmsync.sync.SyncBatchMessage.RecordRef;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns one Salesforce change event into sync work. crm-sync's own writes (changeOrigin client=crm-sync) are
 * dropped; an event seen before (redelivery) is dropped; a deletion is queued as the poll queues what getDeleted
 * reports; anything else (updates with only changed fields, gap events with none) names records for the worker to
 * read. An overflow event names no record: the poll's next run finds those changes.
 */
@ApplicationScoped
public class ChangeEventService {

    private static final Logger LOG = Logger.getLogger(ChangeEventService.class);
    static final String SOURCE = "salesforce";

    /** What became of an event. */
    public enum Outcome { QUEUED, OWN_WRITE, DUPLICATE, NOT_SYNCED, LEFT_TO_POLL }

    private final ObjectPairs pairs;
    private final SeenEvents seenEvents;
    private final SyncWork work;
    private final Clock clock;

    ChangeEventService(ObjectPairs pairs, SeenEvents seenEvents, SyncWork work, Clock clock) {
        this.pairs = pairs;
        this.seenEvents = seenEvents;
        this.work = work;
        this.clock = clock;
    }

    public Outcome process(ChangeEvent event) {
        if (event.originClient().filter(CallOptions.CLIENT_ID::equals).isPresent()) {
            return Outcome.OWN_WRITE;
        }
        List<ObjectPair> synced = pairs.allBySalesforceObject(event.entityName());
        if (synced.isEmpty()) {
            LOG.debugf("Change event for %s, which no object pair syncs: ignored", event.entityName());
            return Outcome.NOT_SYNCED;
        }
        if (event.recordIds().isEmpty()) {
            LOG.warnf("Salesforce sent %s for %s (too many changes for events): the next poll finds them",
                    event.changeType(), event.entityName());
            return Outcome.LEFT_TO_POLL;
        }
        if (!seenEvents.seen(SOURCE, List.of(event.dedupeKey())).isEmpty()) {
            return Outcome.DUPLICATE;
        }
        List<RecordRef> refs = event.recordIds().stream().map(id -> new RecordRef(null, id)).toList();
        // A Task event goes to tasks and calls alike (an update names only changed fields, never TaskSubtype): the
        // pair the Task belongs to syncs it, the other finds no pairing and leaves it (one record read).
        Map<String, List<RecordRef>> byObject = new java.util.LinkedHashMap<>();
        synced.forEach(p -> byObject.put(p.hubspotObject(), refs));
        if (event.isDelete()) {
            // a deletion Salesforce reports is as authoritative as getDeleted's: queued as the poll queues those
            work.enqueueAs(SOURCE, SyncBatchMessage.DELETE, byObject);
        } else {
            work.enqueue(SOURCE, byObject);
        }
        seenEvents.mark(SOURCE, List.of(event.dedupeKey()), clock.instant());
        return Outcome.QUEUED;
    }
}
