package io.crmsync.sandbox.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks written values against the property definitions, answering like HubSpot's "Property values were not valid"
 * 400: unknown property, read-only property, non-numeric number, option not in an enumeration.
 */
final class PropertyValidation {

    private PropertyValidation() {
    }

    static void check(ObjectType type, Map<String, String> properties, SandboxState state) {
        List<String> problems = new ArrayList<>();
        properties.forEach((name, value) -> {
            PropertyDef def = type.properties().get(name);
            if (def == null) {
                problems.add(problem(name, "PROPERTY_DOESNT_EXIST", "Property \\\"" + name + "\\\" does not exist"));
            } else if (def.readOnly()) {
                problems.add(problem(name, "READ_ONLY_VALUE", name + " is a read only property; its value cannot be set."));
            } else if (value.isEmpty()) {
                return;
            } else if (def.isOwner()) {
                if (!state.isOwner(value)) {
                    problems.add(problem(name, "INVALID_OPTION", value + " was not one of the allowed options: "
                            + "the ids of the portal's owners (GET /crm/v3/owners)"));
                }
            } else if (name.equals("email") && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.add(problem(name, "INVALID_EMAIL", "Email address " + value + " is invalid"));
            } else if (def.type().equals("number") && !isNumber(value)) {
                problems.add(problem(name, "INVALID_INTEGER", value + " was not a valid number."));
            } else if (def.type().equals("enumeration") && !def.options().contains(value)) {
                problems.add(problem(name, "INVALID_OPTION", value + " was not one of the allowed options: "
                        + def.options()));
            } else if (def.type().equals("bool") && !value.equals("true") && !value.equals("false")) {
                problems.add(problem(name, "INVALID_BOOLEAN", value + " is not a valid boolean."));
            }
        });
        if (!problems.isEmpty()) {
            throw SandboxException.validation("Property values were not valid: [" + String.join(",", problems) + "]");
        }
    }

    private static String problem(String name, String error, String message) {
        return "{\"isValid\":false,\"message\":\"" + message + "\",\"error\":\"" + error + "\",\"name\":\"" + name
                + "\"}";
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
