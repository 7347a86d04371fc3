package io.crmsync.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.crmsync.sync.SyncConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The object pairs crm-sync syncs: the four standard ones HubSpot's connector has, plus custom objects from
 * {@code crmsync.sync.custom-objects.<hubspotType>=<SalesforceObject>}.
 */
@ApplicationScoped
public class ObjectPairs {

    static final Map<String, ObjectPair> STANDARD = Map.of(
            "contact", ObjectPair.of("contact", "Lead", "Contact"),
            "company", ObjectPair.of("company", "Account"),
            "deal", ObjectPair.of("deal", "Opportunity"),
            "ticket", ObjectPair.of("ticket", "Case"));

    private final Map<String, ObjectPair> pairs = new LinkedHashMap<>();

    ObjectPairs(SyncConfig config) {
        for (String object : new String[] { "contact", "company", "deal", "ticket" }) {
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
