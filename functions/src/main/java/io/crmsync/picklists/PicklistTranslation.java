package io.crmsync.picklists;

import io.crmsync.sync.translate.Translated;
import io.crmsync.sync.translate.ValueTranslation;

/** A mapped picklist's values through its value map; a value the map lacks is a problem saying how to add it. */
public record PicklistTranslation(String object, ValueMap map) implements ValueTranslation {

    @Override
    public Translated toHubSpot(String salesforceValue) {
        return map.toHubSpot(salesforceValue).map(Translated::of).orElseGet(() -> Translated.untranslatable(
                "Salesforce " + map.salesforceField() + " value '" + salesforceValue + "' has no HubSpot "
                        + map.hubspotProperty() + " value mapped. Add {\"salesforce\":\"" + salesforceValue
                        + "\",\"hubspot\":\"...\"} to the " + map.hubspotProperty() + " map with PUT /settings/value-maps/"
                        + object + ", then retry this error."));
    }

    @Override
    public Translated toSalesforce(String hubspotValue) {
        return map.toSalesforce(hubspotValue).map(Translated::of).orElseGet(() -> Translated.untranslatable(
                "HubSpot " + map.hubspotProperty() + " value '" + hubspotValue + "' has no Salesforce "
                        + map.salesforceField() + " value mapped. Add {\"salesforce\":\"...\",\"hubspot\":\""
                        + hubspotValue + "\"} to the " + map.hubspotProperty() + " map with PUT /settings/value-maps/"
                        + object + ", then retry this error."));
    }
}
