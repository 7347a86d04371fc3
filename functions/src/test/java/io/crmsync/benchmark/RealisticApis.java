package io.crmsync.benchmark;

import java.time.Duration;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;

/**
 * The latency and limits the benchmarks put on the sandboxes so that they answer as the real APIs do: HubSpot 300 ms a
 * call and its Professional burst limit (190 per 10 s), Salesforce 1 s per query page and 300 ms per other call.
 * Each can be changed with a system property ({@code -Dbenchmark.hubspot-latency=500ms}, {@code
 * -Dbenchmark.salesforce-query-latency=2s}, {@code -Dbenchmark.salesforce-latency=100ms}; {@code 0ms} turns it off).
 */
record RealisticApis(Duration hubspotLatency, Duration salesforceQueryLatency, Duration salesforceLatency) {

    /** HubSpot's rate ceiling for batch writes: 190 calls per 10 s x 100 records a call. */
    static final double HUBSPOT_CALLS_PER_SECOND = 19.0;
    static final double CEILING_RECORDS_PER_SECOND = HUBSPOT_CALLS_PER_SECOND * 100;

    static RealisticApis fromSystemProperties() {
        return new RealisticApis(duration("benchmark.hubspot-latency", "300ms"),
                duration("benchmark.salesforce-query-latency", "1s"), duration("benchmark.salesforce-latency", "300ms"));
    }

    void applyTo(SalesforceSandbox salesforce, HubSpotSandbox hubspot) {
        hubspot.faults().latency(hubspotLatency);
        hubspot.rateLimits().window(Duration.ofSeconds(10), 190);
        salesforce.faults().latency(salesforceLatency);
        salesforce.faults().latency(SalesforceSandbox.QUERY_LATENCY, salesforceQueryLatency);
    }

    @Override
    public String toString() {
        return "HubSpot " + hubspotLatency.toMillis() + " ms/call, 190 calls/10 s; Salesforce "
                + salesforceQueryLatency.toMillis() + " ms/query page, " + salesforceLatency.toMillis() + " ms/other call";
    }

    static int intProperty(String name, int defaultValue) {
        return Integer.parseInt(System.getProperty(name, String.valueOf(defaultValue)).trim());
    }

    private static Duration duration(String property, String defaultValue) {
        String value = System.getProperty(property, defaultValue).trim().toLowerCase(java.util.Locale.ROOT);
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        throw new IllegalArgumentException(property + " must be a duration such as 300ms or 1s, was " + value);
    }
}
