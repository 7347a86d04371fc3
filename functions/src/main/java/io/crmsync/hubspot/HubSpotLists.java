package io.crmsync.hubspot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.hubspot.model.HubSpotList.ProcessingType;
import io.crmsync.hubspot.model.MembershipChange;
import io.crmsync.hubspot.model.MembershipPage;

/** Lists (segments) API v3. Membership edits on DYNAMIC lists are refused here, before any call is spent. */
public final class HubSpotLists {

    static final int MEMBERSHIP_PAGE = 250;
    static final int SEARCH_PAGE = 500;
    static final int MAX_SEARCHED = 5_000;

    private final HubSpotApi api;
    private final HubSpotTransport transport;
    private final ObjectMapper mapper;
    /** A list's processing type never changes, so one lookup per list is enough. */
    private final Map<String, ProcessingType> processingTypes = new ConcurrentHashMap<>();

    HubSpotLists(HubSpotApi api, HubSpotTransport transport, ObjectMapper mapper) {
        this.api = api;
        this.transport = transport;
        this.mapper = mapper;
    }

    /** Creates a list; {@code filterBranch} (the Lists API JSON) is required for DYNAMIC and SNAPSHOT lists. */
    public HubSpotList create(String name, String objectTypeId, ProcessingType processingType, JsonNode filterBranch) {
        ObjectNode body = mapper.createObjectNode().put("name", name).put("objectTypeId", objectTypeId)
                .put("processingType", processingType.name());
        if (filterBranch != null) {
            body.set("filterBranch", filterBranch);
        }
        String json = body.toString();
        return list("lists.create", transport.call("lists.create", () -> api.createList(json)));
    }

    public HubSpotList get(String listId) {
        return list("lists.get", transport.call("lists.get", () -> api.getList(listId, false)));
    }

    /**
     * The list's {@code filterBranch} as the Lists API returns it with {@code includeFilters=true}; a JSON null for a
     * MANUAL list, which has no filters.
     */
    public JsonNode filterBranch(String listId) {
        JsonNode answer = transport.call("lists.get", () -> api.getList(listId, true));
        JsonNode list = answer.has("list") ? answer.get("list") : answer;
        return list.path("filterBranch").isMissingNode() ? mapper.nullNode() : list.get("filterBranch");
    }

    /**
     * Every list of the given processing types, following the search's offset paging: how a user picks an inclusion
     * segment. Stops at {@value #MAX_SEARCHED} lists, far more than a portal keeps in use.
     */
    public List<HubSpotList> search(List<ProcessingType> processingTypes) {
        List<HubSpotList> found = new ArrayList<>();
        int offset = 0;
        boolean more = true;
        while (more && found.size() < MAX_SEARCHED) {
            ObjectNode body = mapper.createObjectNode().put("query", "").put("count", SEARCH_PAGE).put("offset", offset);
            ArrayNode types = body.putArray("processingTypes");
            processingTypes.forEach(t -> types.add(t.name()));
            String json = body.toString();
            JsonNode answer = transport.call("lists.search", () -> api.searchLists(json));
            JsonNode lists = answer.path("lists");
            if (!lists.isArray()) {
                throw HubSpotReader.invalid("lists.search", "no lists array");
            }
            lists.forEach(l -> found.add(list("lists.search", l)));
            more = answer.path("hasMore").asBoolean(false) && !lists.isEmpty();
            offset = answer.path("offset").asInt(offset + lists.size());
        }
        return found;
    }

    /** One page of members (at most 250), oldest record id first. */
    public MembershipPage memberships(String listId, Optional<String> after, int limit) {
        if (limit < 1 || limit > MEMBERSHIP_PAGE) {
            throw new IllegalArgumentException("membership page size must be between 1 and " + MEMBERSHIP_PAGE);
        }
        JsonNode answer = transport.call("lists.memberships", () -> api.memberships(listId, after.orElse(null), limit));
        List<String> ids = new ArrayList<>();
        for (JsonNode row : HubSpotReader.results("lists.memberships", answer)) {
            ids.add(HubSpotReader.text(row, "recordId")
                    .orElseThrow(() -> HubSpotReader.invalid("lists.memberships", "a membership has no recordId")));
        }
        return new MembershipPage(ids, HubSpotReader.nextAfter(answer));
    }

    /** The ids of the lists a record is in now: one call, whatever the lists' sizes. */
    public java.util.Set<String> listsOf(String objectTypeId, String recordId) {
        JsonNode answer = transport.call("lists.records.memberships",
                () -> api.recordMemberships(objectTypeId, recordId));
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode row : HubSpotReader.results("lists.records.memberships", answer)) {
            ids.add(HubSpotReader.text(row, "listId").orElseThrow(
                    () -> HubSpotReader.invalid("lists.records.memberships", "a membership has no listId")));
        }
        return ids;
    }

    /** Every member id, following the paging. */
    public List<String> allMembers(String listId) {
        List<String> all = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            MembershipPage page = memberships(listId, after, MEMBERSHIP_PAGE);
            all.addAll(page.recordIds());
            after = page.nextAfter();
        } while (after.isPresent());
        return all;
    }

    /** Adds records to a MANUAL or SNAPSHOT list; ids HubSpot does not know come back as missing. */
    public MembershipChange addMembers(String listId, List<String> recordIds) {
        return edit(listId, "add", "recordIdsAdded", recordIds);
    }

    public MembershipChange removeMembers(String listId, List<String> recordIds) {
        return edit(listId, "remove", "recordIdsRemoved", recordIds);
    }

    private MembershipChange edit(String listId, String action, String changedField, List<String> recordIds) {
        ProcessingType type = processingTypes.computeIfAbsent(listId, id -> get(id).processingType());
        if (type == ProcessingType.DYNAMIC) {
            throw new DynamicListMembershipException(listId);
        }
        ArrayNode body = mapper.createArrayNode();
        recordIds.forEach(body::add);
        String json = body.toString();
        String kind = "lists.memberships." + action;
        JsonNode answer = transport.call(kind, () -> api.editMemberships(listId, action, json));
        List<String> changed = new ArrayList<>();
        answer.path(changedField).forEach(id -> changed.add(id.asText()));
        List<String> missing = new ArrayList<>();
        answer.path("recordIdsMissing").forEach(id -> missing.add(id.asText()));
        return new MembershipChange(changed, missing);
    }

    private HubSpotList list(String kind, JsonNode answer) {
        JsonNode list = answer.has("list") ? answer.get("list") : answer;
        String listId = HubSpotReader.text(list, "listId").orElseThrow(() -> HubSpotReader.invalid(kind, "no listId"));
        ProcessingType type;
        try {
            type = ProcessingType.valueOf(list.path("processingType").asText());
        } catch (IllegalArgumentException e) {
            throw new HubSpotInvalidResponseException(kind, "unknown processingType '"
                    + list.path("processingType").asText() + "'", e);
        }
        processingTypes.put(listId, type);
        return new HubSpotList(listId, list.path("name").asText(), list.path("objectTypeId").asText(), type,
                list.has("size") ? list.path("size").asLong(0)
                        : list.path("additionalProperties").path("hs_list_size").asLong(0));
    }
}
