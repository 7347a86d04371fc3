package io.crmsync.sandbox.hubspot;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Lists API v3: create, get (by id or name), search, memberships paging, and add/remove for MANUAL and SNAPSHOT lists.
 * Membership edits on DYNAMIC lists answer 400, as on the real API.
 */
final class ListRoutes {

    static final int MEMBERSHIP_PAGE_MAX = 250;
    static final int SEARCH_COUNT_MAX = 500;

    private final SandboxState state;

    ListRoutes(SandboxState state) {
        this.state = state;
    }

    Answer create(JsonNode body) {
        String name = body.path("name").asText("");
        String objectTypeId = body.path("objectTypeId").asText("");
        String processingType = body.path("processingType").asText("");
        if (name.isBlank() || objectTypeId.isBlank()) {
            throw SandboxException.validation("name and objectTypeId are required");
        }
        if (!List.of("DYNAMIC", "MANUAL", "SNAPSHOT").contains(processingType)) {
            throw SandboxException.validation("processingType must be DYNAMIC, MANUAL or SNAPSHOT, was '"
                    + processingType + "'");
        }
        JsonNode filterBranch = body.get("filterBranch");
        if (!processingType.equals("MANUAL") && (filterBranch == null || filterBranch.isNull())) {
            throw SandboxException.validation(processingType + " lists need a filterBranch");
        }
        ObjectType type = ObjectType.require(objectTypeId);
        SandboxList list = state.createList(name, type, processingType, processingType.equals("MANUAL") ? null : filterBranch);
        return Answer.ok(wrap(list, true));
    }

    Answer get(String listId, boolean includeFilters) {
        synchronized (state) {
            return Answer.ok(wrap(require(listId), includeFilters));
        }
    }

    Answer getByName(String objectTypeId, String name) {
        ObjectType type = ObjectType.require(objectTypeId);
        synchronized (state) {
            return state.lists.values().stream()
                    .filter(l -> l.objectType.equals(type) && l.name.equalsIgnoreCase(name)).findFirst()
                    .map(l -> Answer.ok(wrap(l, true)))
                    .orElseThrow(() -> new SandboxException(HubSpotError.notFound("List " + name + " does not exist.")));
        }
    }

    /**
     * {@code POST /crm/v3/lists/search}: lists whose name contains {@code query} (all with an empty query), of the
     * given processing types, paged by {@code offset}/{@code count} (at most 500), with the size in
     * {@code additionalProperties.hs_list_size} as the real API gives it.
     */
    Answer search(JsonNode body) {
        String query = body.path("query").asText("");
        int count = body.has("count") ? body.path("count").asInt(-1) : 20;
        int offset = body.has("offset") ? body.path("offset").asInt(-1) : 0;
        if (count < 1 || count > SEARCH_COUNT_MAX || offset < 0) {
            throw SandboxException.validation("count must be between 1 and " + SEARCH_COUNT_MAX
                    + " and offset at least 0");
        }
        List<String> types = new ArrayList<>();
        body.path("processingTypes").forEach(t -> types.add(t.asText()));
        if (!List.of("DYNAMIC", "MANUAL", "SNAPSHOT").containsAll(types)) {
            throw SandboxException.validation("processingTypes must be DYNAMIC, MANUAL or SNAPSHOT, was " + types);
        }
        ObjectNode answer = SandboxJson.NODES.objectNode();
        ArrayNode lists = answer.putArray("lists");
        synchronized (state) {
            List<SandboxList> matching = state.lists.values().stream()
                    .filter(l -> types.isEmpty() || types.contains(l.processingType))
                    .filter(l -> l.name.toLowerCase(java.util.Locale.ROOT).contains(query.toLowerCase(java.util.Locale.ROOT)))
                    .sorted(java.util.Comparator.comparingLong(l -> l.listId)).toList();
            matching.stream().skip(offset).limit(count).forEach(l -> {
                ObjectNode row = SandboxJson.MAPPER.valueToTree(l.describe(false));
                row.remove("size");
                row.putObject("additionalProperties").put("hs_list_size", String.valueOf(l.members.size()));
                lists.add(row);
            });
            answer.put("offset", Math.min(matching.size(), offset + count));
            answer.put("hasMore", offset + count < matching.size());
            answer.put("total", matching.size());
        }
        return Answer.ok(answer);
    }

    Answer memberships(String listId, String after, String limitParam) {
        int limit = limitParam == null ? 100 : parseInt(limitParam, "limit");
        if (limit < 1 || limit > MEMBERSHIP_PAGE_MAX) {
            throw SandboxException.validation("limit must be between 1 and " + MEMBERSHIP_PAGE_MAX);
        }
        long afterId = after == null || after.isEmpty() ? Long.MIN_VALUE
                : ObjectStore.parseId(after).orElseThrow(() -> SandboxException.validation("after must be a record id"));
        ObjectNode answer = SandboxJson.NODES.objectNode();
        ArrayNode results = answer.putArray("results");
        synchronized (state) {
            SandboxList list = require(listId);
            var tail = list.members.tailMap(afterId, false);
            int taken = 0;
            Long last = null;
            for (var member : tail.entrySet()) {
                if (taken == limit) {
                    break;
                }
                ObjectNode row = results.addObject();
                row.put("recordId", String.valueOf(member.getKey()));
                row.put("membershipTimestamp", member.getValue().toString());
                last = member.getKey();
                taken++;
            }
            if (last != null && list.members.higherKey(last) != null) {
                answer.putObject("paging").putObject("next").put("after", String.valueOf(last));
            }
        }
        return Answer.ok(answer);
    }

    /**
     * {@code GET /crm/v3/lists/records/{objectTypeId}/{recordId}/memberships}: the lists a record is in now, one
     * call whatever the lists' sizes.
     */
    Answer recordMemberships(String objectTypeId, String recordId) {
        ObjectType type = ObjectType.require(objectTypeId);
        long id = ObjectStore.parseId(recordId)
                .orElseThrow(() -> SandboxException.validation("recordId must be a record id, was '" + recordId + "'"));
        ObjectNode answer = SandboxJson.NODES.objectNode();
        ArrayNode results = answer.putArray("results");
        synchronized (state) {
            for (SandboxList list : state.lists.values()) {
                var joined = list.objectType == type ? list.members.get(id) : null;
                if (joined != null) {
                    ObjectNode row = results.addObject();
                    row.put("listId", String.valueOf(list.listId));
                    row.put("listVersion", list.listVersion);
                    row.put("firstAddedTimestamp", joined.toString());
                    row.put("lastAddedTimestamp", joined.toString());
                    row.put("isPublicList", false);
                }
            }
        }
        answer.put("total", results.size());
        answer.putObject("paging");
        return Answer.ok(answer);
    }

    Answer add(String listId, JsonNode body) {
        return edit(listId, body, true);
    }

    Answer remove(String listId, JsonNode body) {
        return edit(listId, body, false);
    }

    /** {@code {"recordIdsToAdd":[],"recordIdsToRemove":[]}}; the answer keeps HubSpot's {@code recordsIdsMissing} spelling. */
    Answer addAndRemove(String listId, JsonNode body) {
        synchronized (state) {
            JsonNode added = edit(listId, body.path("recordIdsToAdd"), true).body();
            JsonNode removed = edit(listId, body.path("recordIdsToRemove"), false).body();
            ObjectNode answer = SandboxJson.NODES.objectNode();
            answer.set("recordIdsAdded", added.get("recordIdsAdded"));
            answer.set("recordIdsRemoved", removed.get("recordIdsRemoved"));
            ArrayNode missing = answer.putArray("recordsIdsMissing");
            missing.addAll((ArrayNode) added.get("recordIdsMissing"));
            missing.addAll((ArrayNode) removed.get("recordIdsMissing"));
            return Answer.ok(answer);
        }
    }

    private Answer edit(String listId, JsonNode body, boolean add) {
        if (!body.isArray()) {
            throw SandboxException.validation("The body must be a JSON array of record ids");
        }
        List<String> changed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        synchronized (state) {
            SandboxList list = require(listId);
            if (list.isDynamic()) {
                throw SandboxException.validation("List " + listId + " has processingType DYNAMIC; memberships can only"
                        + " be changed for MANUAL or SNAPSHOT lists.");
            }
            ObjectStore store = state.store(list.objectType.name());
            for (JsonNode idNode : body) {
                String id = idNode.asText();
                var record = ObjectStore.parseId(id).flatMap(store::get);
                if (record.isEmpty()) {
                    missing.add(id);
                } else if (add && list.members.putIfAbsent(record.get().id(), state.now()) == null) {
                    changed.add(id);
                } else if (!add && list.members.remove(record.get().id()) != null) {
                    changed.add(id);
                }
            }
            if (!changed.isEmpty()) {
                list.listVersion++;
                list.updatedAt = state.now();
            }
        }
        ObjectNode answer = SandboxJson.NODES.objectNode();
        answer.putArray(add ? "recordIdsAdded" : "recordIdsRemoved").addAll(changed.stream().map(SandboxJson.NODES::textNode).toList());
        answer.putArray("recordIdsMissing").addAll(missing.stream().map(SandboxJson.NODES::textNode).toList());
        return Answer.ok(answer);
    }

    private SandboxList require(String listId) {
        SandboxList list = ObjectStore.parseId(listId).map(state.lists::get).orElse(null);
        if (list == null) {
            throw new SandboxException(HubSpotError.notFound("List " + listId + " does not exist."));
        }
        return list;
    }

    private static ObjectNode wrap(SandboxList list, boolean includeFilters) {
        ObjectNode node = SandboxJson.NODES.objectNode();
        node.set("list", SandboxJson.MAPPER.valueToTree(list.describe(includeFilters)));
        return node;
    }

    private static int parseInt(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw SandboxException.validation(name + " must be an integer, was '" + value + "'");
        }
    }

}
