package io.crmsync.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the application's DynamoDB calls and the time they took, by operation, so the benchmarks can print what the
 * store cost beside what the CRMs cost. Registered on the application's DynamoDB client by {@link BenchmarkProfile}
 * (an SDK interceptor, the SDK's own hook for this); benchmarks only, never in the normal test run.
 */
public class StoreCalls implements ExecutionInterceptor {

    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("crmsync.benchmark.started");
    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> NANOS = new ConcurrentHashMap<>();

    /** Calls and milliseconds by operation since the last {@link #reset}. */
    record Snapshot(Map<String, Long> calls, Map<String, Long> millis) {

        long totalCalls() {
            return calls.values().stream().mapToLong(Long::longValue).sum();
        }

        long totalMillis() {
            return millis.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static void reset() {
        CALLS.clear();
        NANOS.clear();
    }

    static Snapshot snapshot() {
        Map<String, Long> calls = new TreeMap<>();
        Map<String, Long> millis = new TreeMap<>();
        CALLS.forEach((op, n) -> calls.put(op, n.sum()));
        NANOS.forEach((op, n) -> millis.put(op, n.sum() / 1_000_000));
        return new Snapshot(calls, millis);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    private static void record(ExecutionAttributes attributes) {
        Long started = attributes.getAttribute(STARTED);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (started == null || operation == null) {
            return;
        }
        CALLS.computeIfAbsent(operation, k -> new LongAdder()).increment();
        NANOS.computeIfAbsent(operation, k -> new LongAdder()).add(System.nanoTime() - started);
    }
}
