package io.crmsync.salesforce;

import org.junit.jupiter.api.BeforeEach;

import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import io.crmsync.testing.SalesforceSandboxTestResource;
import jakarta.inject.Inject;

/** The application's Salesforce client against a freshly reset sandbox. */
abstract class SalesforceClientTestSupport {

    @Inject
    SalesforceClient client;

    SalesforceSandbox sandbox;

    @BeforeEach
    void resetSandbox() {
        sandbox = SalesforceSandboxTestResource.sandbox();
        sandbox.reset();
    }

    /** Caches these describes, then zeroes the call counter so a test counts only its own calls. */
    void warmUp(String... sobjects) {
        for (String sobject : sobjects) {
            client.describe(sobject);
        }
        client.calls().reset();
    }
}
