package io.crmsync.segments;

import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.HubSpotConflictException;
import io.crmsync.hubspot.model.HubSpotList;
import io.crmsync.hubspot.model.PropertyDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The import's "Salesforce Sync" toggle with an active (DYNAMIC) inclusion segment. HubSpot refuses membership edits
 * on active lists, so the toggle marks the imported contacts instead: the contact property {@value #PROPERTY} (a
 * checkbox crm-sync creates when it is missing) is set to true, and the user's list admits contacts marked so. The
 * marker is visible on every contact and the user undoes it by clearing it; the list then lets the contact go.
 */
@ApplicationScoped
public class ImportMarker {

    public static final String PROPERTY = "crm_sync_included";
    static final String LABEL = "Included in Salesforce sync";
    private static final Logger LOG = Logger.getLogger(ImportMarker.class);

    private final HubSpotClient hubspot;
    private final InclusionSegmentSettings segments;

    ImportMarker(HubSpotClient hubspot, InclusionSegmentSettings segments) {
        this.hubspot = hubspot;
        this.segments = segments;
    }

    /**
     * Makes sure the marker exists on HubSpot contacts (one call when it does) and that the contact inclusion segment,
     * if it is an active list, admits every marked contact; otherwise the toggle would do nothing, so the import is
     * refused before anything is written, saying which filter to add to which list.
     */
    public void prepareImport() {
        ensureProperty();
        Optional<InclusionSegment> segment = segments.find("contact");
        if (segment.isEmpty()) {
            return;
        }
        String listId = segment.get().listId();
        HubSpotList list = hubspot.lists().get(listId);
        if (list.processingType() == HubSpotList.ProcessingType.DYNAMIC && !admitsEveryMarked(listId)) {
            throw new SegmentIgnoresImportMarkerException(listId, list.name());
        }
    }

    /**
     * Whether the active list admits a contact because it is marked, whatever its other properties: its root OR
     * branch holds an AND branch whose one filter is "{@value #PROPERTY} is true". One call.
     */
    public boolean admitsEveryMarked(String listId) {
        JsonNode root = hubspot.lists().filterBranch(listId);
        if (!"OR".equals(root.path("filterBranchType").asText())) {
            return false;
        }
        for (JsonNode and : root.path("filterBranches")) {
            JsonNode filters = and.path("filters");
            if ("AND".equals(and.path("filterBranchType").asText()) && and.path("filterBranches").isEmpty()
                    && filters.size() == 1 && isMarkerIsTrue(filters.get(0))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMarkerIsTrue(JsonNode filter) {
        JsonNode operation = filter.path("operation");
        String operator = operation.path("operator").asText();
        boolean isTrue = operation.path("value").asText().equalsIgnoreCase("true")
                || operation.path("values").size() == 1 && operation.path("values").get(0).asText().equalsIgnoreCase("true");
        return "PROPERTY".equals(filter.path("filterType").asText()) && PROPERTY.equals(filter.path("property").asText())
                && ("IS_EQUAL_TO".equals(operator) || "IS_ANY_OF".equals(operator)) && isTrue;
    }

    private void ensureProperty() {
        boolean exists = hubspot.properties("contacts").stream().anyMatch(p -> p.name().equals(PROPERTY));
        if (exists) {
            return;
        }
        try {
            hubspot.createProperty("contacts", new PropertyDefinition(PROPERTY, LABEL, "bool", "booleancheckbox",
                    false, false, false, List.of("true", "false")), "contactinformation",
                    "Set by crm-sync on contacts imported with Salesforce Sync on. An inclusion segment that admits "
                            + "contacts with this set to true keeps them in sync; clear it to take a contact out.");
            LOG.infof("Created the HubSpot contact property %s for the import's Salesforce Sync toggle", PROPERTY);
        } catch (HubSpotConflictException e) {
            // another import created it a moment ago
        }
    }
}
