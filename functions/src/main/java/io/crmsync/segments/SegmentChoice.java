package io.crmsync.segments;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.HubSpotNotFoundException;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.settings.InvalidMappingException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Accepts a user's inclusion segment choice: the list must exist, hold records of the object's type and be active
 * (DYNAMIC), as HubSpot requires. Choosing syncs nothing by itself: members sync when a poll finds them.
 */
@ApplicationScoped
public class SegmentChoice {

    /** HubSpot offers inclusion segments for contacts, companies, tickets and custom objects; not deals. */
    private static final Map<String, String> TYPE_IDS = Map.of("contact", "0-1", "company", "0-2", "ticket", "0-5");

    private final HubSpotClient hubspot;
    private final InclusionSegmentSettings segments;

    SegmentChoice(HubSpotClient hubspot, InclusionSegmentSettings segments) {
        this.hubspot = hubspot;
        this.segments = segments;
    }

    /** @param listId null clears the segment: every record of the object syncs again. */
    public InclusionSegment choose(String object, boolean customObject, String listId) {
        requireSegmentable(object, customObject);
        if (listId != null) {
            check(object, listId);
        }
        return segments.choose(object, listId);
    }

    /**
     * The lists a user can choose as the object's inclusion segment: active (DYNAMIC) lists of its records, by name.
     * One search of the portal's lists (a call per 500 lists).
     */
    public List<HubSpotList> choices(String object, boolean customObject) {
        requireSegmentable(object, customObject);
        return hubspot.lists().search(List.of(HubSpotList.ProcessingType.DYNAMIC)).stream()
                .filter(l -> holds(object, l)).sorted(Comparator.comparing(HubSpotList::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private void check(String object, String listId) {
        if (listId.isBlank() || !listId.chars().allMatch(Character::isDigit)) {
            throw new InvalidMappingException("listId", "listId must be a HubSpot list id (digits), got '" + listId + "'.");
        }
        HubSpotList list;
        try {
            list = hubspot.lists().get(listId);
        } catch (HubSpotNotFoundException e) {
            throw new InvalidMappingException("listId", "HubSpot has no list " + listId + ".");
        }
        if (list.processingType() != HubSpotList.ProcessingType.DYNAMIC) {
            throw new InvalidMappingException("listId", "List " + listId + " ('" + list.name() + "') is "
                    + list.processingType() + ": an inclusion segment must be an active (DYNAMIC) list, whose "
                    + "membership follows its filters.");
        }
        if (!holds(object, list)) {
            throw new InvalidMappingException("listId", "List " + listId + " holds objects of type "
                    + list.objectTypeId() + ", not " + object + " records.");
        }
    }

    private static void requireSegmentable(String object, boolean customObject) {
        if (!TYPE_IDS.containsKey(object) && !customObject) {
            throw new InvalidMappingException("object", "Inclusion segments apply to contacts, companies, tickets and "
                    + "custom objects; not to " + object + ".");
        }
    }

    /** Whether the list holds records of the object's type (a custom object is named by its type id, 2-...). */
    private static boolean holds(String object, HubSpotList list) {
        String expected = TYPE_IDS.getOrDefault(object, object);
        return expected.equals(list.objectTypeId());
    }
}
