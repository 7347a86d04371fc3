package io.crmsync.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the HubSpot sandbox for every @QuarkusTest in the run. */
@QuarkusTestResource(HubSpotSandboxTestResource.class)
public final class HubSpotTestResources {

    private HubSpotTestResources() {
    }
}
