package io.crmsync.usage;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the calls a client makes to one CRM, by kind ({@code query}, {@code collections.update}, ...), so that
 * benchmarks and Sync Health can say how many API calls a piece of work cost. Thread-safe.
 */
public final class ApiCallCounter {

    private final String api;
    private final Map<String, LongAdder> byKind = new ConcurrentHashMap<>();

    public ApiCallCounter(String api) {
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
