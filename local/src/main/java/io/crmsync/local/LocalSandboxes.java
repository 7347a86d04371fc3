package io.crmsync.local;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmsync.sandbox.DemoData;
import io.crmsync.sandbox.hubspot.HubSpotSandbox;
import io.crmsync.sandbox.hubspot.Webhooks;
import io.crmsync.sandbox.salesforce.SalesforceSandbox;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Starts a CRM sandbox for each client that points at localhost, on the port it points at. A client configured for
 * a real org or portal gets no sandbox, so pointing crm-sync at real APIs is configuration only.
 */
final class LocalSandboxes implements AutoCloseable {

    private final SalesforceSandbox salesforce;
    private final HubSpotSandbox hubspot;
    private final DemoData.Summary demo;

    private LocalSandboxes(SalesforceSandbox salesforce, HubSpotSandbox hubspot, DemoData.Summary demo) {
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.demo = demo;
    }

    static LocalSandboxes start(AppSettings settings, boolean demoData) {
        SalesforceSandbox salesforce = localPort(settings.salesforceLoginUrl())
                .map(port -> new SalesforceSandbox(settings.salesforceClientId(),
                        settings.salesforceClientSecret().orElse(null), settings.salesforceUsername().orElse(null),
                        null).start(port))
                .orElse(null);
        if (salesforce != null) {
            // as the standalone sandboxes do: curl and other tools may call it with any bearer token
            salesforce.acceptAnyToken(true);
        }
        HubSpotSandbox hubspot;
        try {
            hubspot = localPort(settings.hubspotBaseUrl()).map(HubSpotSandbox::start).orElse(null);
        } catch (RuntimeException e) {
            if (salesforce != null) {
                salesforce.close();
            }
            throw e;
        }
        DemoData.Summary demo = demoData && salesforce != null && hubspot != null ? DemoData.seed(salesforce, hubspot) : null;
        return new LocalSandboxes(salesforce, hubspot, demo);
    }

    Optional<DemoData.Summary> demo() {
        return Optional.ofNullable(demo);
    }

    Optional<SalesforceSandbox> salesforce() {
        return Optional.ofNullable(salesforce);
    }

    Optional<HubSpotSandbox> hubspot() {
        return Optional.ofNullable(hubspot);
    }

    /** The objects selected for Change Data Capture: the five an org may select without the add-on. */
    static final String[] CDC_OBJECTS = { "Lead", "Contact", "Account", "Opportunity", "Case" };

    /**
     * Salesforce: the sandbox's change events go, as Event Relay sends them to EventBridge and a rule to SQS, onto
     * the change-events queue. HubSpot: the sandbox's app posts signed webhook batches to the HTTP API's route, its
     * token being crm-sync's, so crm-sync's own writes come back marked as the app's.
     */
    void wireEvents(SqsClient sqs, String changeEventsQueueUrl, String webhookUrl, AppSettings settings,
            Map<String, String> banner) {
        if (salesforce != null && changeEventsQueueUrl != null) {
            salesforce.changeEvents().select(CDC_OBJECTS)
                    .relay(event -> sqs.sendMessage(r -> r.queueUrl(changeEventsQueueUrl).messageBody(event)));
            banner.put("Salesforce change events", String.join(", ", CDC_OBJECTS) + " -> Event Relay stand-in -> "
                    + changeEventsQueueUrl);
        }
        if (hubspot != null && settings.hubspotAppSecret().isPresent() && settings.hubspotAppId().isPresent()) {
            hubspot.webhooks().subscribe(new Webhooks.Subscription(URI.create(webhookUrl), settings.hubspotAppId().get(),
                    settings.hubspotAppSecret().get(), settings.hubspotToken().map(Set::of).orElse(Set.of()),
                    Set.of("contact", "company", "deal", "ticket"), 62515));
            banner.put("HubSpot webhooks", "contact, company, deal, ticket -> " + webhookUrl + " (signed, app "
                    + settings.hubspotAppId().get() + ")");
        }
    }

    void describe(Map<String, String> banner, AppSettings settings) {
        banner.put("Salesforce", salesforce != null ? salesforce.baseUrl() + " (sandbox)"
                : settings.salesforceLoginUrl() + " (real org: no sandbox started)");
        banner.put("HubSpot", hubspot != null ? hubspot.baseUrl() + " (sandbox)"
                : settings.hubspotBaseUrl() + " (real portal: no sandbox started)");
        demo().ifPresent(d -> banner.put("Demo data", d.leads() + " leads, " + d.contacts() + " contacts, "
                + d.accounts() + " accounts, " + d.opportunities() + " opportunities, " + d.cases() + " cases, "
                + d.tasks() + " tasks, " + d.events() + " events; campaigns " + d.activeCampaignId() + " (active), "
                + d.inactiveCampaignId() + " (inactive); inclusion segment list " + d.inclusionListId()));
    }

    @Override
    public void close() {
        if (hubspot != null) {
            hubspot.close();
        }
        if (salesforce != null) {
            salesforce.close();
        }
    }

    private static Optional<Integer> localPort(String url) {
        URI uri = URI.create(url);
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        return local ? Optional.of(uri.getPort() == -1 ? 80 : uri.getPort()) : Optional.empty();
    }
}
