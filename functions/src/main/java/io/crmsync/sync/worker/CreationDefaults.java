package io.crmsync.sync.worker;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HubSpot properties a record created from Salesforce needs and no mapping fills: a deal and a ticket belong to a
 * pipeline (Salesforce has no such field on Opportunity or Case), so they go to HubSpot's default ones, as the
 * import puts them. Activities need {@code hs_timestamp} (HubSpot refuses an engagement without it; it places the
 * activity on the timeline): a meeting's is its start, a task's its due date (mapped) or, without one, its creation.
 */
final class CreationDefaults {

    private static final Map<String, Map<String, String>> DEFAULTS = Map.of(
            "deal", Map.of("pipeline", "default"),
            "ticket", Map.of("hs_pipeline", "0"));

    private CreationDefaults() {
    }

    /** The properties to add to {@code mapped} (what the mappings fill) when creating {@code object}. */
    static Map<String, String> forObject(String object, Map<String, String> mapped, Instant now) {
        Map<String, String> out = new LinkedHashMap<>(DEFAULTS.getOrDefault(object, Map.of()));
        if (object.equals("meeting") || object.equals("task") || object.equals("call")) {
            String start = mapped.get("hs_meeting_start_time");
            out.put("hs_timestamp", start != null ? start : now.toString());
        }
        return out;
    }
}
