package io.crmsync.benchmark;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The test configuration with {@link StoreCalls} on the DynamoDB client, so a benchmark can print the store's cost. */
public class BenchmarkProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // the deployed import page (the tests' configuration reads pages of 500)
        return Map.of("quarkus.dynamodb.interceptors", StoreCalls.class.getName(), "crmsync.imports.page-size", "2000",
                "crmsync.imports.split-from-records", "4500");
    }

    /** {@link io.crmsync.sync.PollTestProfile} (the poll of contacts alone) with {@link StoreCalls}. */
    public static class Poll extends io.crmsync.sync.PollTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.dynamodb.interceptors", StoreCalls.class.getName());
            // The benchmark's one process stands for as many syncBatch instances as it runs workers, so it gets their
            // pools together: each instance runs its BatchSize messages at once and has 8 threads (the defaults) for
            // the reads, HubSpot chunks and pairing saves of its messages. One instance's pools shared by all workers
            // would hold the simulated instances to one instance's concurrency.
            int instances = RealisticApis.intProperty("benchmark.sync-workers",
                    Benchmarks.maximumConcurrency("SyncBatchFunction"));
            int batchSize = RealisticApis.intProperty("benchmark.sync-batch-size",
                    Benchmarks.batchSize("SyncBatchFunction"));
            overrides.put("crmsync.sync.messages-at-once", String.valueOf(instances * batchSize));
            overrides.put("crmsync.sync.parallel-reads", String.valueOf(instances * 8));
            overrides.put("crmsync.sync.pairing-writers", String.valueOf(instances * 8));
            overrides.put("crmsync.hubspot.parallel-calls", String.valueOf(instances * 8));
            return overrides;
        }
    }
}
