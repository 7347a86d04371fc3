package io.crmsync.sandbox.common;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls a sandbox serves (or the statuses it answers), by kind, so that tests and benchmarks can compare
 * what a client says it spent with what the API really served. Thread-safe.
 */
public final class CallTally {

    private final String api;
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

    public CallTally(String api) {
        this.api = api;
    }

    public String api() {
        return api;
    }

    public void record(String kind) {
        byKind.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    public long total() {
        return byKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public long count(String kind) {
        LongAdder adder = byKind.get(kind);
        return adder == null ? 0 : adder.sum();
    }

    /** The counts so far, sorted by kind. */
    public Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        byKind.forEach((kind, adder) -> out.put(kind, adder.sum()));
        return out;
    }

    public void reset() {
        byKind.clear();
    }
}
