package io.crmsync.sync.worker;

import java.util.Map;

/**
 * HubSpot properties a record created from Salesforce needs and no mapping fills: a deal and a ticket belong to a
 * pipeline (Salesforce has no such field on Opportunity or Case), so they go to HubSpot's default ones, as the
 * import puts them.
 */
final class CreationDefaults {

    private static final Map<String, Map<String, String>> DEFAULTS = Map.of(
            "deal", Map.of("pipeline", "default"),
            "ticket", Map.of("hs_pipeline", "0"));

    private CreationDefaults() {
    }

    static Map<String, String> forObject(String object) {
        return DEFAULTS.getOrDefault(object, Map.of());
    }
}
