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
            return overrides;
        }
    }
}
