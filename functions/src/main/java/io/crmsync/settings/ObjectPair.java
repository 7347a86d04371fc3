package io.crmsync.settings;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A HubSpot object type and the Salesforce object(s) it syncs with. A HubSpot contact pairs with a Lead or a Contact,
 * so it names both; the first is where a new record is created unless the contact-creation setting says otherwise.
 */
@RegisterForReflection
public record ObjectPair(String hubspotObject, List<String> salesforceObjects) {

    public ObjectPair {
        salesforceObjects = List.copyOf(salesforceObjects);
        if (salesforceObjects.isEmpty()) {
            throw new IllegalArgumentException(hubspotObject + " pairs with no Salesforce object");
        }
    }

    public static ObjectPair of(String hubspotObject, String... salesforceObjects) {
        return new ObjectPair(hubspotObject, List.of(salesforceObjects));
    }

    public String primarySalesforceObject() {
        return salesforceObjects.get(0);
    }
}
