package io.crmsync.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Time formats the store writes. Instants round-trip exactly as ISO strings; sort keys need a fixed width. */
final class StoreTime {

    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private StoreTime() {
    }

    /** Fixed-width UTC timestamp with nanoseconds: lexicographic order equals time order (years 0-9999). */
    static String sortable(Instant instant) {
        return SORTABLE.format(instant);
    }
}
