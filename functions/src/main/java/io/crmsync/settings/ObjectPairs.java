package io.crmsync.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.crmsync.sync.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The object pairs crm-sync syncs: the standard ones HubSpot's connector has (activities included: HubSpot tasks are
 * Salesforce Tasks, meetings are Events), plus custom objects from
 * {@code crmsync.sync.custom-objects.<hubspotType>=<SalesforceObject>}.
 */
@ApplicationScoped
public class ObjectPairs {

    static final Map<String, ObjectPair> STANDARD = Map.of(
            "contact", ObjectPair.of("contact", "Lead", "Contact"),
            "company", ObjectPair.of("company", "Account"),
            "deal", ObjectPair.of("deal", "Opportunity"),
            "ticket", ObjectPair.of("ticket", "Case"),
            "task", ObjectPair.of("task", "Task"),
            "meeting", ObjectPair.of("meeting", "Event"));

    private final Map<String, ObjectPair> pairs = new LinkedHashMap<>();

    ObjectPairs(SyncConfig config) {
        for (String object : new String[] { "contact", "company", "deal", "ticket", "task", "meeting" }) {
            pairs.put(object, STANDARD.get(object));
        }
        config.customObjects().forEach((hubspot, salesforce) -> pairs.put(hubspot, ObjectPair.of(hubspot, salesforce)));
    }

    public Optional<ObjectPair> find(String object) {
        return Optional.ofNullable(pairs.get(object));
    }

    public ObjectPair require(String object) {
        return find(object).orElseThrow(() -> new UnknownObjectException(object, pairs.keySet()));
    }

    public Map<String, ObjectPair> all() {
        return Map.copyOf(pairs);
    }
}
