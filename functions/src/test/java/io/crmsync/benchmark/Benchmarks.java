package io.crmsync.benchmark;

import java.util.Map;
import java.util.TreeMap;

final class Benchmarks {

    private Benchmarks() {
    }

    /** What a counter snapshot gained since {@code before}, kinds that did not change left out. */
    static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> out = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                out.put(k, d);
            }
        });
        return out;
    }
}
