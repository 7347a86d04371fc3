package io.crmsync.sandbox.salesforce.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.schema.ObjectDef;
import io.crmsync.sandbox.salesforce.store.FieldValues;
import io.crmsync.sandbox.salesforce.store.WriteError;

/** Records to JSON (with {@code attributes}) and request bodies to typed field maps. */
public final class RecordJson {

    private RecordJson() {
    }

    public static ObjectNode toJson(ObjectDef def, String version, String id, Map<String, Object> fields) {
        ObjectNode node = Responses.JSON.createObjectNode();
        ObjectNode attributes = node.putObject("attributes");
        attributes.put("type", def.name());
        attributes.put("url", "/services/data/" + version + "/sobjects/" + def.name() + "/" + id);
        fields.forEach((name, value) -> {
            if (!name.startsWith("__")) {
                node.set(name, FieldValues.toJson(value));
            }
        });
        return node;
    }

    /**
     * The fields of a request body, resolved against the schema, typed and keyed by canonical name. {@code id} and
     * {@code attributes} are skipped (the caller reads them); an unknown field fails like Salesforce's.
     */
    public static Map<String, Object> fields(ObjectDef def, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new WriteError("JSON_PARSER_ERROR", "Record must be a JSON object", List.of()).toException();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = body.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey();
            if (name.equals("attributes") || name.equalsIgnoreCase("id")) {
                continue;
            }
            FieldDef field = def.field(name).orElseThrow(() -> new WriteError("INVALID_FIELD",
                    "No such column '" + name + "' on sobject of type " + def.name(), List.of(name)).toException());
            out.put(field.name(), FieldValues.fromJson(field, e.getValue()));
        }
        return out;
    }

    public static ObjectNode describe(ObjectDef def, String version) {
        ObjectNode d = Responses.JSON.createObjectNode();
        d.put("name", def.name());
        d.put("label", def.label());
        d.put("labelPlural", def.label() + "s");
        d.put("keyPrefix", def.keyPrefix());
        d.put("custom", def.custom());
        for (String flag : List.of("createable", "updateable", "deletable", "queryable", "retrieveable",
                "replicateable", "searchable")) {
            d.put(flag, true);
        }
        ObjectNode urls = d.putObject("urls");
        String base = "/services/data/" + version + "/sobjects/" + def.name();
        urls.put("sobject", base);
        urls.put("describe", base + "/describe");
        urls.put("rowTemplate", base + "/{ID}");
        var fields = d.putArray("fields");
        for (FieldDef f : def.fields()) {
            ObjectNode n = fields.addObject();
            n.put("name", f.name());
            n.put("label", f.label());
            n.put("type", f.type().apiName());
            n.put("soapType", f.type().soapType());
            n.put("length", f.type().isText() ? f.length() : 0);
            n.put("calculated", f.calculated());
            if (f.calculated()) {
                n.put("calculatedFormula", f.formulaText());
            } else {
                n.putNull("calculatedFormula");
            }
            n.put("createable", f.createable());
            n.put("updateable", f.updateable());
            n.put("nillable", f.nillable());
            n.put("externalId", f.externalId());
            n.put("unique", f.unique());
            n.put("idLookup", f.name().equals("Id") || f.externalId());
            n.put("caseSensitive", false);
            n.put("defaultedOnCreate", f.isSystem() || f.name().equals("OwnerId"));
            n.put("filterable", true);
            n.put("sortable", !f.type().name().equals("TEXTAREA"));
            n.put("restrictedPicklist", f.restrictedPicklist());
            var refs = n.putArray("referenceTo");
            f.referenceTo().forEach(refs::add);
            if (f.type().isIdLike() && !f.name().equals("Id") && f.name().endsWith("Id")) {
                n.put("relationshipName", f.name().substring(0, f.name().length() - 2));
            } else {
                n.putNull("relationshipName");
            }
            var picklist = n.putArray("picklistValues");
            for (int i = 0; i < f.picklistValues().size(); i++) {
                ObjectNode v = picklist.addObject();
                v.put("value", f.picklistValues().get(i));
                v.put("label", f.picklistValues().get(i));
                v.put("active", true);
                v.put("defaultValue", i == 0);
            }
        }
        return d;
    }
}
