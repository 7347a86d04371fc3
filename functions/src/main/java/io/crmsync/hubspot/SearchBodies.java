package io.crmsync.hubspot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.hubspot.model.SearchRequest;

/** The JSON body of {@code POST /crm/v3/objects/{objectType}/search}, written field by field (no reflection). */
final class SearchBodies {

    private SearchBodies() {
    }

    static String toJson(ObjectMapper mapper, SearchRequest request) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode groups = body.putArray("filterGroups");
        for (SearchRequest.FilterGroup group : request.filterGroups()) {
            ArrayNode filters = groups.addObject().putArray("filters");
            for (SearchRequest.Filter f : group.filters()) {
                ObjectNode node = filters.addObject().put("propertyName", f.propertyName()).put("operator", f.operator());
                if (f.value() != null) {
                    node.put("value", f.value());
                }
                if (f.highValue() != null) {
                    node.put("highValue", f.highValue());
                }
                if (!f.values().isEmpty()) {
                    f.values().forEach(node.putArray("values")::add);
                }
            }
        }
        request.sorts().forEach(s -> body.withArray("sorts").addObject().put("propertyName", s.propertyName())
                .put("direction", s.direction()));
        request.properties().forEach(body.putArray("properties")::add);
        body.put("limit", request.limit());
        if (request.after() != null) {
            body.put("after", request.after());
        }
        return body.toString();
    }
}
