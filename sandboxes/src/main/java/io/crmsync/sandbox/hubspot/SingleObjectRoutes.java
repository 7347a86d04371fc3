package io.crmsync.sandbox.hubspot;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one-record endpoints the official client libraries also use: list page, get (by id or {@code idProperty}),
 * create, update and archive under {@code /crm/v3/objects/{objectType}}.
 */
final class SingleObjectRoutes {

    static final int LIST_PAGE_MAX = 100;

    private final SandboxState state;

    SingleObjectRoutes(SandboxState state) {
        this.state = state;
    }

    Answer page(String objectType, String limitParam, String after, String properties) {
        ObjectStore store = state.store(objectType);
        int limit;
        try {
            limit = limitParam == null ? 10 : Integer.parseInt(limitParam);
        } catch (NumberFormatException e) {
            throw SandboxException.validation("limit must be an integer, was '" + limitParam + "'");
        }
        if (limit < 1 || limit > LIST_PAGE_MAX) {
            throw SandboxException.validation("limit must be between 1 and " + LIST_PAGE_MAX);
        }
        long afterId = after == null || after.isEmpty() ? Long.MIN_VALUE
                : ObjectStore.parseId(after).orElseThrow(() -> SandboxException.validation("after must be an id"));
        List<String> props = propertyList(store.type(), properties);
        ObjectNode answer = SandboxJson.NODES.objectNode();
        ArrayNode results = answer.putArray("results");
        synchronized (state) {
            StoredObject last = null;
            boolean more = false;
            for (StoredObject o : store.all()) {
                if (o.archived() || o.id() <= afterId) {
                    continue;
                }
                if (results.size() == limit) {
                    more = true;
                    break;
                }
                results.add(SandboxJson.object(o, props));
                last = o;
            }
            if (more) {
                answer.putObject("paging").putObject("next").put("after", String.valueOf(last.id()));
            }
        }
        return Answer.ok(answer);
    }

    Answer get(String objectType, String id, String idProperty, String properties) {
        ObjectStore store = state.store(objectType);
        synchronized (state) {
            return store.findByUnique(idProperty == null ? "hs_object_id" : idProperty, id)
                    .map(o -> Answer.ok(SandboxJson.object(o, propertyList(store.type(), properties))))
                    .orElseThrow(() -> new SandboxException(HubSpotError.notFound("Object not found.  objectId are usually numeric.")));
        }
    }

    Answer create(String objectType, JsonNode body) {
        ObjectStore store = state.store(objectType);
        Map<String, String> props = SandboxJson.properties(body);
        PropertyValidation.check(store.type(), props, state);
        synchronized (state) {
            store.conflictingId(props, -1).ifPresent(existing -> {
                throw new SandboxException(HubSpotError.of(409, "CONFLICT",
                        ObjectRoutes.singular(store.type()) + " already exists. Existing ID: " + existing));
            });
            return new Answer(201, SandboxJson.object(state.create(store, props), null));
        }
    }

    Answer update(String objectType, String id, String idProperty, JsonNode body) {
        ObjectStore store = state.store(objectType);
        Map<String, String> props = SandboxJson.properties(body);
        PropertyValidation.check(store.type(), props, state);
        synchronized (state) {
            StoredObject current = store.findByUnique(idProperty == null ? "hs_object_id" : idProperty, id)
                    .orElseThrow(() -> new SandboxException(HubSpotError.notFound("Object not found.")));
            store.conflictingId(props, current.id()).ifPresent(existing -> {
                throw new SandboxException(HubSpotError.of(409, "CONFLICT",
                        "A record with that unique value already exists. Existing ID: " + existing));
            });
            return Answer.ok(SandboxJson.object(state.update(store, current, props), null));
        }
    }

    Answer archive(String objectType, String id) {
        ObjectStore store = state.store(objectType);
        synchronized (state) {
            ObjectStore.parseId(id).flatMap(store::get).ifPresent(o -> state.archive(store, o));
        }
        return Answer.noContent();
    }

    private static List<String> propertyList(ObjectType type, String properties) {
        return properties == null || properties.isBlank() ? type.defaultProperties()
                : Arrays.stream(properties.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
    }
}
