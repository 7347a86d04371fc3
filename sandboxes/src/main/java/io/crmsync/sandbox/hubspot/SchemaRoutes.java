package io.crmsync.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Custom object schemas API: {@code GET /crm/v3/schemas} lists the portal's custom objects, {@code GET
 * /crm/v3/schemas/{objectType}} one of them by type id ({@code 2-...}), name or fully qualified name
 * ({@code p<portalId>_<name>}), as HubSpot answers them; 404 for anything else (standard objects have no schema here).
 */
final class SchemaRoutes {

    static final long PORTAL_ID = 1_234_567L;

    Answer list() {
        ObjectNode answer = SandboxJson.NODES.objectNode();
        ArrayNode results = answer.putArray("results");
        ObjectType.ALL.stream().filter(ObjectType::isCustom).forEach(t -> describe(t, results.addObject()));
        return Answer.ok(answer);
    }

    Answer get(String objectType) {
        ObjectType type = ObjectType.ALL.stream().filter(ObjectType::isCustom)
                .filter(t -> t.objectTypeId().equals(objectType) || t.name().equals(objectType)
                        || fullyQualifiedName(t).equals(objectType))
                .findFirst().orElseThrow(() -> new SandboxException(HubSpotError.notFound(
                        "Unable to infer object type from: " + objectType)));
        ObjectNode schema = SandboxJson.NODES.objectNode();
        describe(type, schema);
        return Answer.ok(schema);
    }

    static String fullyQualifiedName(ObjectType type) {
        return "p" + PORTAL_ID + "_" + type.name();
    }

    private static void describe(ObjectType type, ObjectNode s) {
        String id = type.objectTypeId().substring(2);
        s.put("id", id);
        s.put("name", type.name());
        String singular = type.name().endsWith("s") ? type.name().substring(0, type.name().length() - 1) : type.name();
        s.putObject("labels").put("singular", capitalize(singular)).put("plural", capitalize(type.name()));
        s.put("objectTypeId", type.objectTypeId());
        s.put("fullyQualifiedName", fullyQualifiedName(type));
        s.put("primaryDisplayProperty", type.defaultProperties().get(0));
        s.putArray("requiredProperties").add(type.defaultProperties().get(0));
        s.putArray("searchableProperties").add(type.defaultProperties().get(0));
        s.putArray("secondaryDisplayProperties");
        ArrayNode properties = s.putArray("properties");
        type.properties().values().stream().sorted(java.util.Comparator.comparing(PropertyDef::name))
                .forEach(p -> properties.addObject().put("name", p.name()).put("label", p.label())
                        .put("type", p.type()).put("fieldType", p.fieldType())
                        .put("hasUniqueValue", p.hasUniqueValue()));
        s.putArray("associations");
        s.put("archived", false);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
