package io.crmsync.sandbox.hubspot;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /crm/v3/properties/{objectType}}: the definitions mappings are type-checked against. */
final class PropertyRoutes {

    Answer list(String objectType) {
        ObjectType type = ObjectType.require(objectType);
        ObjectNode answer = SandboxJson.NODES.objectNode();
        ArrayNode results = answer.putArray("results");
        type.properties().values().stream().sorted(java.util.Comparator.comparing(PropertyDef::name)).forEach(def -> {
            ObjectNode p = results.addObject();
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
        });
        return Answer.ok(answer);
    }
}
