package io.crmsync.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.crmsync.sync.SyncBatchMessage.RecordRef;
import io.crmsync.sync.poll.FanOut;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns records named by change events into messages on the sync queue, through the same fan-out the poll uses, so
 * the sync worker is unchanged: it reads both records and applies the rules. An event is a trigger, never a value:
 * whatever order events arrive in, the worker syncs what the records hold when it reads them, so an older change is
 * never applied over a newer one.
 */
@ApplicationScoped
public class SyncWork {

    /** The reason the worker sees; it syncs these as it syncs what a poll found. */
    public static final String REASON = "EVENT";

    private final FanOut fanOut;
    private final SegmentFreshness segments;

    SyncWork(FanOut fanOut, SegmentFreshness segments) {
        this.fanOut = fanOut;
        this.segments = segments;
    }

    /** Records per object; the same record named twice is queued once. @return the messages sent */
    public int enqueue(String source, Map<String, List<RecordRef>> recordsByObject) {
        return enqueueAs(source, REASON, recordsByObject);
    }

    /** As {@link #enqueue}, with another reason the worker knows (DELETE for deletions Salesforce reported). */
    public int enqueueAs(String source, String reason, Map<String, List<RecordRef>> recordsByObject) {
        int messages = 0;
        String prefix = source + "-" + UUID.randomUUID();
        for (var entry : recordsByObject.entrySet()) {
            List<RecordRef> records = new ArrayList<>(entry.getValue());
            var refresh = segments.refreshIfStale(entry.getKey());
            refresh.ifPresent(r -> records.addAll(SegmentFreshness.joiners(r)));
            List<RecordRef> unique = new ArrayList<>(new LinkedHashSet<>(records));
            if (!unique.isEmpty()) {
                messages += fanOut.send(entry.getKey(), reason, prefix + "-" + entry.getKey(), unique,
                        refresh.map(r -> r.snapshot().snapshotId()).orElse(null));
            }
            // As the poll does: the joiners are queued before the snapshot becomes the one later refreshes compare with.
            refresh.ifPresent(segments::makeCurrent);
        }
        return messages;
    }

    public static Map<String, List<RecordRef>> group() {
        return new LinkedHashMap<>();
    }
}
