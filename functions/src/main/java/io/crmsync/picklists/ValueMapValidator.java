package io.crmsync.picklists;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmsync.hubspot.model.PropertyDefinition;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;

/**
 * Checks value maps against Salesforce describe (picklist values) and HubSpot property options before they are
 * stored, so a map can never send Salesforce a value its restricted picklist refuses or HubSpot an option it lacks.
 * Pure: callers pass the describes and properties.
 */
final class ValueMapValidator {

    private ValueMapValidator() {
    }

    static void validate(String object, List<ValueMap> maps, Map<String, Describe> describes,
            Map<String, PropertyDefinition> properties) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < maps.size(); i++) {
            ValueMap map = maps.get(i);
            String at = "maps[" + i + "]";
            if (map == null || blank(map.hubspotProperty()) || blank(map.salesforceField())) {
                throw new InvalidValueMapException(at, "Every value map needs a hubspotProperty, a salesforceField "
                        + "and values: [{\"salesforce\":\"...\",\"hubspot\":\"...\"}].");
            }
            if (!seen.add(map.hubspotProperty())) {
                throw new InvalidValueMapException(at + ".hubspotProperty", "HubSpot property '"
                        + map.hubspotProperty() + "' has two value maps; send one.");
            }
            PropertyDefinition property = properties.get(map.hubspotProperty());
            if (property == null) {
                throw new InvalidValueMapException(at + ".hubspotProperty", "HubSpot " + object
                        + " has no property '" + map.hubspotProperty() + "'.");
            }
            List<FieldDescribe> fields = describes.values().stream()
                    .map(d -> d.field(map.salesforceField())).flatMap(Optional::stream).toList();
            if (fields.isEmpty()) {
                throw new InvalidValueMapException(at + ".salesforceField", "No field '" + map.salesforceField()
                        + "' on " + String.join(" or ", describes.keySet()) + ".");
            }
            checkValues(at, map, property, fields);
        }
    }

    private static void checkValues(String at, ValueMap map, PropertyDefinition property, List<FieldDescribe> fields) {
        Set<String> salesforce = new HashSet<>();
        Set<String> hubspot = new HashSet<>();
        for (int j = 0; j < map.values().size(); j++) {
            ValuePair pair = map.values().get(j);
            String here = at + ".values[" + j + "]";
            if (pair == null || blank(pair.salesforce()) || blank(pair.hubspot())) {
                throw new InvalidValueMapException(here, "Each value pair needs a salesforce and a hubspot value.");
            }
            if (!salesforce.add(pair.salesforce().toLowerCase(Locale.ROOT))) {
                throw new InvalidValueMapException(here + ".salesforce", "Salesforce value '" + pair.salesforce()
                        + "' is mapped twice; each value maps to one HubSpot option.");
            }
            if (!hubspot.add(pair.hubspot())) {
                throw new InvalidValueMapException(here + ".hubspot", "HubSpot value '" + pair.hubspot()
                        + "' is mapped twice; each option maps to one Salesforce value, so changes can flow back.");
            }
            for (FieldDescribe f : fields) {
                List<String> allowed = f.activeValues();
                if (!allowed.isEmpty() && allowed.stream().noneMatch(v -> v.equalsIgnoreCase(pair.salesforce()))) {
                    throw new InvalidValueMapException(here + ".salesforce", "'" + pair.salesforce()
                            + "' is not a value of Salesforce picklist " + f.name() + "; its values are " + allowed
                            + ".");
                }
            }
            if (!property.options().isEmpty() && !property.options().contains(pair.hubspot())) {
                throw new InvalidValueMapException(here + ".hubspot", "'" + pair.hubspot()
                        + "' is not an option of HubSpot property " + property.name() + "; its options are "
                        + property.options() + ".");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
