package io.crmsync.testing;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the Salesforce sandbox for every @QuarkusTest in the run. */
@QuarkusTestResource(SalesforceSandboxTestResource.class)
public final class SalesforceTestResources {

    private SalesforceTestResources() {
    }
}
