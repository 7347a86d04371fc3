package io.crmsync.sandbox.hubspot;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A list (segment). {@code members} maps record id to the time it joined, in id order for stable paging. DYNAMIC lists
 * carry a parsed filter and their membership is recomputed by {@link SandboxState}; MANUAL and SNAPSHOT lists change
 * only through the membership endpoints.
 */
final class SandboxList {

    final long listId;
    final String name;
    final ObjectType objectType;
    final String processingType;
    final JsonNode filterBranchJson;
    final ListFilter filter;
    final Instant createdAt;
    Instant updatedAt;
    long listVersion = 1;
    final java.util.TreeMap<Long, Instant> members = new java.util.TreeMap<>();

    SandboxList(long listId, String name, ObjectType objectType, String processingType, JsonNode filterBranchJson,
            Instant now) {
        this.listId = listId;
        this.name = name;
        this.objectType = objectType;
        this.processingType = processingType;
        this.filterBranchJson = filterBranchJson;
        this.filter = filterBranchJson == null || filterBranchJson.isNull() ? null : ListFilter.parse(filterBranchJson);
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean isDynamic() {
        return processingType.equals("DYNAMIC");
    }

    /** Applies the filter to one record; true when membership changed. */
    boolean evaluate(StoredObject record, Instant now) {
        boolean shouldBeMember = filter != null && filter.matches(record);
        boolean isMember = members.containsKey(record.id());
        if (shouldBeMember && !isMember) {
            members.put(record.id(), now);
            return true;
        }
        if (!shouldBeMember && isMember) {
            members.remove(record.id());
            return true;
        }
        return false;
    }

    Map<String, Object> describe(boolean includeFilters) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("listId", String.valueOf(listId));
        out.put("listVersion", listVersion);
        out.put("name", name);
        out.put("objectTypeId", objectType.objectTypeId());
        out.put("processingType", processingType);
        out.put("processingStatus", "COMPLETE");
        out.put("createdAt", createdAt.toString());
        out.put("updatedAt", updatedAt.toString());
        out.put("size", members.size());
        if (includeFilters && filterBranchJson != null) {
            out.put("filterBranch", filterBranchJson);
        }
        return out;
    }
}
