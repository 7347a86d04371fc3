package io.crmsync.sandbox;

import java.util.concurrent.CountDownLatch;

import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;

/**
 * Starts both CRM sandboxes without the rest of crm-sync, for people developing against them:
 * {@code ./mvnw -q compile exec:java} (see the README). Any bearer token is accepted; Salesforce logins use the client
 * credentials below. Ports and credentials are system properties; {@code -Dcrmsync.sandbox.demo-data=false} starts
 * them empty.
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int salesforcePort = Integer.getInteger(SalesforceSandbox.PORT_SETTING, SalesforceSandbox.DEFAULT_PORT);
        int hubspotPort = Integer.getInteger(HubSpotSandbox.PORT_SETTING, HubSpotSandbox.DEFAULT_PORT);
        String clientId = System.getProperty("crmsync.sandbox.salesforce.client-id", "crm-sync-local");
        String clientSecret = System.getProperty("crmsync.sandbox.salesforce.client-secret", "sandbox-secret");

        SalesforceSandbox salesforce = new SalesforceSandbox(clientId, clientSecret, null, null).start(salesforcePort);
        salesforce.acceptAnyToken(true);
        HubSpotSandbox hubspot;
        try {
            hubspot = HubSpotSandbox.start(hubspotPort);
        } catch (RuntimeException e) {
            salesforce.close();
            throw e;
        }
        String demo = "empty";
        if (Boolean.parseBoolean(System.getProperty("crmsync.sandbox.demo-data", "true"))) {
            DemoData.Summary seeded = DemoData.seed(salesforce, hubspot);
            demo = seeded.leads() + " leads, " + seeded.contacts() + " contacts, " + seeded.accounts()
                    + " accounts, ... ; inclusion segment list " + seeded.inclusionListId();
        }
        System.out.printf("%nSalesforce sandbox  %s  (OAuth client credentials: client_id=%s, client_secret=%s;"
                + " any bearer token accepted)%nHubSpot sandbox     %s  (any bearer token accepted)%nData: %s%n"
                + "Ctrl+C stops both.%n", salesforce.baseUrl(), clientId, clientSecret, hubspot.baseUrl(), demo);

        CountDownLatch stopped = new CountDownLatch(1);
        HubSpotSandbox started = hubspot;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started.close();
            salesforce.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
