package io.crmsync.hubspot;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.testing.HubSpotSandboxTestResource;
import jakarta.inject.Inject;

/** The application's HubSpot client against a freshly reset sandbox, with its call counters at zero. */
abstract class HubSpotClientTestSupport {

    @Inject
    HubSpotClient client;

    HubSpotSandbox sandbox;

    @BeforeEach
    void resetSandboxAndCounters() {
        sandbox = HubSpotSandboxTestResource.resetSandbox();
        client.calls().reset();
        client.failures().reset();
    }

    /** The sandbox is shared by the test classes that run after: faults a test armed and did not use must not stay. */
    @AfterEach
    void clearFaults() {
        sandbox.faults().clear();
    }
}
