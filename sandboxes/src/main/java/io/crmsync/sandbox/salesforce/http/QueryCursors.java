package io.crmsync.sandbox.salesforce.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.crmsync.sandbox.salesforce.schema.ObjectDef;

/**
 * Open query cursors behind {@code nextRecordsUrl}. A query's full result is taken when it runs (Salesforce also
 * answers queryMore from a server-side snapshot); the oldest cursors are dropped past a cap, as Salesforce limits
 * open cursors per user, and a dropped one answers INVALID_QUERY_LOCATOR.
 */
public final class QueryCursors {

    private static final int MAX_OPEN = 200;

    /** The rows of one query, and how many the caller wants per page. */
    public record Cursor(ObjectDef object, List<Map<String, Object>> rows, int batchSize) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Cursor> open = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cursor> eldest) {
            return size() > MAX_OPEN;
        }
    };

    public synchronized String open(Cursor cursor) {
        String id = String.format("01g5g%013d", sequence.incrementAndGet());
        open.put(id, cursor);
        return id;
    }

    public synchronized Cursor get(String id) {
        return open.get(id);
    }

    public synchronized void close(String id) {
        open.remove(id);
    }

    public synchronized void clear() {
        open.clear();
    }
}
