package io.crmsync.events;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Event-driven sync (HubSpot webhooks, Salesforce change events), under {@code crmsync.events}. */
@ConfigMapping(prefix = "crmsync.events")
public interface EventsConfig {

    HubSpot hubspot();

    Salesforce salesforce();

    /** How long an event id is remembered, so that a redelivery or a replayed request is ignored. */
    @WithDefault("4d")
    Duration dedupeWindow();

    /**
     * The oldest inclusion-segment snapshot event-driven work relies on; an older one is refreshed first (one read
     * of the list's members). Eligibility is judged as the poll judges it, including the segment settle time.
     */
    @WithDefault("1m")
    Duration segmentMaxAge();

    interface HubSpot {
        /** The HubSpot app's id: webhook events with changeSource INTEGRATION and this sourceId are crm-sync's own writes. */
        Optional<String> appId();

        /** The app's client secret, inline (local runs only). */
        Optional<String> appSecret();

        /** The SSM SecureString parameter holding the app's client secret (deployments). */
        Optional<String> appSecretParameter();

        /** HubSpot's rule: requests whose X-HubSpot-Request-Timestamp is older than this are rejected. */
        @WithDefault("5m")
        Duration maxSignatureAge();
    }

    interface Salesforce {
        /**
         * Share of the org's DailyDeliveredPlatformEvents allocation above which crm-sync warns in Sync Health and
         * relies on the poll (deliveries past the allocation disconnect the relay).
         */
        @WithDefault("0.8")
        double deliveryWarningShare();
    }
}
