package io.crmsync.settings;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;

/**
 * Checks a proposed list of mappings against both schemas before it is stored, so a bad mapping is refused with the
 * field named instead of failing every sync later. Pure: callers pass the describes and HubSpot properties.
 */
final class MappingValidator {

    private MappingValidator() {
    }

    /**
     * @param describes the describe of each Salesforce object of the pair, by object name
     * @param hubspot the HubSpot properties of the object type, by name
     * @throws InvalidMappingException naming the first offending field
     */
    static void validate(ObjectPair pair, List<FieldMapping> mappings, Map<String, Describe> describes,
            Map<String, HubSpotField> hubspot) {
        Set<String> seenHubspot = new HashSet<>();
        Set<String> seenSalesforce = new HashSet<>();
        for (FieldMapping m : mappings) {
            if (m == null || blank(m.hubspotProperty()) || blank(m.salesforceField())) {
                throw new InvalidMappingException("mappings",
                        "Every mapping needs a hubspotProperty and a salesforceField.");
            }
            if (!seenHubspot.add(m.hubspotProperty())) {
                throw new InvalidMappingException(m.hubspotProperty(),
                        "HubSpot property '" + m.hubspotProperty() + "' is mapped twice; a property maps to one field.");
            }
            if (!seenSalesforce.add(m.salesforceField().toLowerCase())) {
                throw new InvalidMappingException(m.salesforceField(),
                        "Salesforce field '" + m.salesforceField() + "' is mapped twice; a field maps to one property.");
            }
            if (m.isOwner() && m.rule() != SyncRule.TWO_WAY && m.rule() != SyncRule.DONT_SYNC) {
                throw new InvalidMappingException(m.salesforceField(), "The owner mapping is always TWO_WAY (or "
                        + "DONT_SYNC); " + m.rule() + " is not offered for it.");
            }
            HubSpotField property = hubspot.get(m.hubspotProperty());
            if (property == null) {
                throw new InvalidMappingException(m.hubspotProperty(), "HubSpot " + pair.hubspotObject()
                        + " has no property '" + m.hubspotProperty() + "'.");
            }
            if (property.readOnly() && m.rule().writesHubSpot()) {
                throw new InvalidMappingException(m.hubspotProperty(), "HubSpot property '" + m.hubspotProperty()
                        + "' is read-only; Salesforce values cannot be written to it.");
            }
            checkSalesforceSide(pair, m, property, describes);
        }
    }

    private static void checkSalesforceSide(ObjectPair pair, FieldMapping m, HubSpotField property,
            Map<String, Describe> describes) {
        boolean foundSomewhere = false;
        for (String sobject : pair.salesforceObjects()) {
            Optional<FieldDescribe> field = describes.get(sobject).field(m.salesforceField());
            if (field.isEmpty()) {
                continue;
            }
            foundSomewhere = true;
            FieldDescribe f = field.get();
            if (m.rule().writesSalesforce() && f.calculated()) {
                throw new InvalidMappingException(m.salesforceField(), sobject + "." + f.name()
                        + " is a formula field: HubSpot values cannot flow into it. Use ALWAYS_SALESFORCE or DONT_SYNC.");
            }
            if (m.rule().writesSalesforce() && !f.updateable() && !f.createable()) {
                throw new InvalidMappingException(m.salesforceField(), sobject + "." + f.name()
                        + " is read-only: HubSpot values cannot flow into it. Use ALWAYS_SALESFORCE or DONT_SYNC.");
            }
            String why = TypeCompatibility.whyIncompatible(property, f);
            if (why != null) {
                throw new InvalidMappingException(m.salesforceField(), why + " on " + sobject + ".");
            }
        }
        if (!foundSomewhere) {
            throw new InvalidMappingException(m.salesforceField(), "No field '" + m.salesforceField() + "' on "
                    + String.join(" or ", pair.salesforceObjects()) + ".");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
