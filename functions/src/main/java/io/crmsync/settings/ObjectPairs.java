package io.crmsync.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The object pairs crm-sync syncs: the standard ones HubSpot's connector has (activities included: HubSpot tasks are
 * Salesforce Tasks, meetings are Events, calls are the Tasks Salesforce logs as calls: see {@link SalesforceSubset}),
 * plus the custom object pairs of
 * {@link CustomObjects} (chosen at run time), each keyed by its HubSpot object type id ({@code 2-...}).
 */
@ApplicationScoped
public class ObjectPairs {

    static final Map<String, ObjectPair> STANDARD = Map.of(
            "contact", ObjectPair.of("contact", "Lead", "Contact"),
            "company", ObjectPair.of("company", "Account"),
            "deal", ObjectPair.of("deal", "Opportunity"),
            "ticket", ObjectPair.of("ticket", "Case"),
            "task", ObjectPair.of("task", "Task"),
            "meeting", ObjectPair.of("meeting", "Event"),
            "call", ObjectPair.of("call", "Task"));

    /** The order pairs are listed and polled in: records first, then the activities that point at them. */
    private static final java.util.List<String> ORDER = java.util.List.of("contact", "company", "deal", "ticket",
            "task", "meeting", "call");

    private final CustomObjects customObjects;

    ObjectPairs(CustomObjects customObjects) {
        this.customObjects = customObjects;
    }

    public Optional<ObjectPair> find(String object) {
        ObjectPair standard = STANDARD.get(object);
        if (standard != null || object == null || !object.startsWith("2-")) {
            return Optional.ofNullable(standard);
        }
        return customObjects.byHubSpotObject(object).map(p -> ObjectPair.of(p.hubspotObject(), p.salesforceObject()));
    }

    /**
     * Every pair that syncs a Salesforce object: Task is synced by two (tasks and calls, each its own
     * {@link SalesforceSubset}), every other object by one. A standard object is answered without reading the
     * settings; only a custom object ({@code __c}) costs the settings read, which matters on the change-event path
     * (one per event).
     */
    public java.util.List<ObjectPair> allBySalesforceObject(String sobject) {
        java.util.List<ObjectPair> standard = ORDER.stream().map(STANDARD::get)
                .filter(p -> p.salesforceObjects().contains(sobject)).toList();
        if (!standard.isEmpty() || sobject == null || !sobject.endsWith("__c")) {
            return standard;
        }
        return customObjects.bySalesforceObject(sobject).stream()
                .map(p -> ObjectPair.of(p.hubspotObject(), p.salesforceObject())).toList();
    }

    public ObjectPair require(String object) {
        return find(object).orElseThrow(() -> new UnknownObjectException(object, all().keySet()));
    }

    /** The standard pairs, then the custom ones (one settings read). */
    public Map<String, ObjectPair> all() {
        Map<String, ObjectPair> pairs = new LinkedHashMap<>();
        ORDER.forEach(object -> pairs.put(object, STANDARD.get(object)));
        customObjects.all().forEach(p -> pairs.put(p.hubspotObject(), ObjectPair.of(p.hubspotObject(),
                p.salesforceObject())));
        return pairs;
    }

    /** The HubSpot type ids of the custom object pairs, for the poller. */
    public java.util.List<String> customObjectTypes() {
        return customObjects.all().stream().map(CustomObjects.Pair::hubspotObject).toList();
    }
}
