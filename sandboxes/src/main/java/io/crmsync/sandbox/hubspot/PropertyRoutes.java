package io.crmsync.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /crm/v3/properties/{objectType}}: the definitions mappings are type-checked against; {@code POST} creates
 * one (string, number, date, datetime, bool and enumeration properties, not unique ones), 409 when the name is taken.
 */
final class PropertyRoutes {

    private static final java.util.Map<String, java.util.List<String>> FIELD_TYPES = java.util.Map.of(
            "string", java.util.List.of("text", "textarea"), "number", java.util.List.of("number"),
            "date", java.util.List.of("date"), "datetime", java.util.List.of("date"),
            "bool", java.util.List.of("booleancheckbox"),
            "enumeration", java.util.List.of("select", "radio", "checkbox"));

    Answer list(String objectType) {
        ObjectType type = ObjectType.require(objectType);
        ObjectNode answer = SandboxJson.NODES.objectNode();
        ArrayNode results = answer.putArray("results");
        type.properties().values().stream().sorted(java.util.Comparator.comparing(PropertyDef::name))
                .forEach(def -> describe(type, def, results.addObject()));
        return Answer.ok(answer);
    }

    Answer create(String objectType, com.fasterxml.jackson.databind.JsonNode body) {
        ObjectType type = ObjectType.require(objectType);
        String name = body.path("name").asText("");
        String label = body.path("label").asText("");
        String dataType = body.path("type").asText("");
        String fieldType = body.path("fieldType").asText("");
        if (name.isBlank() || label.isBlank() || body.path("groupName").asText("").isBlank()) {
            throw SandboxException.validation("name, label, type, fieldType and groupName are required");
        }
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw SandboxException.validation("Property name '" + name + "' must start with a lowercase letter and "
                    + "hold only lowercase letters, digits and underscores");
        }
        if (!FIELD_TYPES.containsKey(dataType) || !FIELD_TYPES.get(dataType).contains(fieldType)) {
            throw SandboxException.validation("type '" + dataType + "' with fieldType '" + fieldType
                    + "' is not a valid combination; valid: " + FIELD_TYPES);
        }
        if (body.path("hasUniqueValue").asBoolean(false)) {
            throw SandboxException.validation("the sandbox does not create properties with unique values");
        }
        java.util.List<String> options = new java.util.ArrayList<>();
        body.path("options").forEach(o -> options.add(o.path("value").asText()));
        if (dataType.equals("bool")) {
            options.clear();
            options.addAll(java.util.List.of("true", "false"));
        }
        PropertyDef def = new PropertyDef(name, label, dataType, fieldType, false, false, java.util.List.copyOf(options));
        if (!type.addProperty(def)) {
            throw new SandboxException(HubSpotError.of(409, "OBJECT_ALREADY_EXISTS",
                    "Property named '" + name + "' already exists."));
        }
        ObjectNode created = SandboxJson.NODES.objectNode();
        describe(type, def, created);
        return new Answer(201, created);
    }

    private static void describe(ObjectType type, PropertyDef def, ObjectNode p) {
        p.put("name", def.name());
        p.put("label", def.label());
        p.put("type", def.type());
        p.put("fieldType", def.fieldType());
        p.put("description", "");
        p.put("groupName", type.name().replaceAll("s$", "") + "information");
        ArrayNode options = p.putArray("options");
        for (int i = 0; i < def.options().size(); i++) {
            String option = def.options().get(i);
            options.addObject().put("label", option).put("value", option).put("displayOrder", i).put("hidden", false);
        }
        p.put("hasUniqueValue", def.hasUniqueValue());
        p.put("hidden", false);
        p.put("calculated", false);
        p.put("externalOptions", false);
        p.put("formField", !def.readOnly());
        p.put("archived", false);
        p.putObject("modificationMetadata").put("archivable", !def.readOnly())
                .put("readOnlyDefinition", true).put("readOnlyValue", def.readOnly());
    }
}
