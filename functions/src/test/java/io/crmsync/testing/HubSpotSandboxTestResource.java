package io.crmsync.testing;

import java.util.Map;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts one HubSpot sandbox on a free port for the whole test run and points the HubSpot client at it, with retry
 * delays short enough for tests. The sandbox is shared: a test that changes its state calls {@link #resetSandbox()}.
 */
public class HubSpotSandboxTestResource implements QuarkusTestResourceLifecycleManager {

    /** Searches are paced at 40/s in tests; the sandbox allows 50/s after {@link #resetSandbox()}. */
    public static final int TEST_SEARCH_PER_SECOND = 50;
    public static final String TEST_TOKEN = "hubspot-test-token";

    private static volatile HubSpotSandbox sandbox;

    @Override
    public Map<String, String> start() {
        sandbox = HubSpotSandbox.start(0);
        resetSandbox();
        return Map.ofEntries(
                Map.entry("crmsync.hubspot.base-url", sandbox.baseUrl()),
                Map.entry("crmsync.hubspot.token", TEST_TOKEN),
                Map.entry("crmsync.hubspot.pacing.search-requests-per-second", "40"),
                Map.entry("crmsync.hubspot.retry.max-retries", "6"),
                Map.entry("crmsync.hubspot.retry.server-error-delay", "10ms"),
                Map.entry("crmsync.hubspot.retry.max-delay", "200ms"),
                Map.entry("crmsync.hubspot.retry.secondly-delay", "100ms"),
                Map.entry("crmsync.hubspot.retry.locked-delay", "50ms"));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
            sandbox = null;
        }
    }

    /** The running sandbox. */
    public static HubSpotSandbox sandbox() {
        if (sandbox == null) {
            throw new IllegalStateException("The HubSpot sandbox is not running: is HubSpotSandboxTestResource registered?");
        }
        return sandbox;
    }

    /** Empties the sandbox and restores test-friendly limits (search 50/s; burst and daily as a Professional portal). */
    public static HubSpotSandbox resetSandbox() {
        HubSpotSandbox s = sandbox();
        s.reset();
        s.rateLimits().searchPerSecond(TEST_SEARCH_PER_SECOND);
        return s;
    }
}
