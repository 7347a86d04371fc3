package io.crmsync.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.crmsync.api.ApiException;
import io.crmsync.imports.catalogue.ImportCatalogue;
import io.crmsync.imports.catalogue.ImportPhase;
import io.crmsync.imports.catalogue.ImportableObject;
import io.crmsync.imports.definition.FilterTranslator;
import io.crmsync.imports.definition.ImportDefinition;
import io.crmsync.imports.definition.InvalidImportException;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.error.SalesforceException;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.SObject;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks an import definition against Salesforce (object, describe of every field filtered on, the campaign rule)
 * and turns it into an {@link ImportPlan}. Nothing is written here.
 */
@ApplicationScoped
public class ImportPlanner {

    private static final Pattern SALESFORCE_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    private final SalesforceClient salesforce;
    private final ImportCatalogue catalogue;

    ImportPlanner(SalesforceClient salesforce, ImportCatalogue catalogue) {
        this.salesforce = salesforce;
        this.catalogue = catalogue;
    }

    /** The plan of a definition read from a stored job (already accepted once): no campaign round trip. */
    public ImportPlan replan(ImportDefinition definition) {
        return plan(definition, false);
    }

    /**
     * The plan of a definition submitted by a user.
     *
     * @throws InvalidImportException for a definition that cannot run (400)
     * @throws ApiException 404 for an unknown campaign, 409 for an inactive one
     */
    public ImportPlan plan(ImportDefinition definition) {
        return plan(definition, true);
    }

    private ImportPlan plan(ImportDefinition definition, boolean checkCampaign) {
        ImportableObject object = ImportableObject.parse(definition.object()).orElseThrow(() ->
                new InvalidImportException(definition.object() == null ? "MISSING_OBJECT" : "UNKNOWN_OBJECT",
                        "Unknown object '" + definition.object() + "'. Importable objects: " + ImportableObject.known()
                                + ".", "object"));
        requireOnlyFor(object == ImportableObject.CAMPAIGN, definition.campaignId(), "campaignId", "campaign");
        requireOnlyFor(object == ImportableObject.CUSTOM, definition.customObject(), "customObject", "custom");
        if (definition.syncToInclusionSegment() && !List.of(ImportableObject.LEADS, ImportableObject.CONTACTS,
                ImportableObject.LEADS_AND_CONTACTS).contains(object)) {
            throw new InvalidImportException("NOT_APPLICABLE", "syncToInclusionSegment applies to leads and contacts"
                    + " only.", "syncToInclusionSegment");
        }
        List<ImportPhase> phases = catalogue.phases(object, definition.customObject(), this::describe);
        Condition campaign = null;
        if (object == ImportableObject.CAMPAIGN) {
            if (!SALESFORCE_ID.matcher(definition.campaignId()).matches()) {
                throw new InvalidImportException("INVALID_CAMPAIGN_ID", "campaignId must be a 15 or 18 character"
                        + " Salesforce Id.", "campaignId");
            }
            if (checkCampaign) {
                requireActiveCampaign(definition.campaignId());
            }
            campaign = Condition.eq("CampaignId", definition.campaignId());
        }
        List<ImportPlan.Step> steps = new ArrayList<>();
        for (ImportPhase phase : phases) {
            Condition filters = FilterTranslator.toCondition(definition.filters(), describe(phase.sobject()));
            Condition where = both(both(campaign, phase.subset()), filters);
            steps.add(new ImportPlan.Step(phase, where));
        }
        return new ImportPlan(definition, object, steps);
    }

    private static Condition both(Condition a, Condition b) {
        return a == null ? b : b == null ? a : Condition.and(a, b);
    }

    /** The number of records the plan would import: one {@code COUNT()} per phase. */
    public long count(ImportPlan plan) {
        long total = 0;
        for (ImportPlan.Step step : plan.steps()) {
            Soql count = Soql.count().from(step.phase().sobject());
            total += salesforce.count(step.where() == null ? count : count.where(step.where()));
        }
        return total;
    }

    /** The campaign's name, for the "Salesforce Campaigns" property. */
    public SObject campaign(String campaignId) {
        List<SObject> found = salesforce.query(Soql.select("Id", "Name", "IsActive").from("Campaign")
                .where(Condition.eq("Id", campaignId)).limit(1));
        if (found.isEmpty()) {
            throw ApiException.notFound("CAMPAIGN_NOT_FOUND", "No Salesforce campaign with Id " + campaignId + ".");
        }
        return found.get(0);
    }

    private void requireActiveCampaign(String campaignId) {
        SObject campaign = campaign(campaignId);
        if (!Boolean.TRUE.equals(campaign.get("IsActive"))) {
            throw ApiException.conflict("CAMPAIGN_NOT_ACTIVE", "Campaign '" + campaign.getString("Name") + "' ("
                    + campaignId + ") is not Active in Salesforce; only active campaigns can be imported.");
        }
    }

    /** The describe of {@code sobject}; an object Salesforce does not have is the user's mistake (400). */
    Describe describe(String sobject) {
        try {
            return salesforce.describe(sobject);
        } catch (SalesforceException e) {
            if (e.status() == 404) {
                throw new InvalidImportException("UNKNOWN_SOBJECT", "Salesforce has no object '" + sobject + "'.",
                        "customObject");
            }
            throw e;
        }
    }

    private static void requireOnlyFor(boolean applies, String value, String field, String object) {
        boolean present = value != null && !value.isBlank();
        if (applies && !present) {
            throw new InvalidImportException("MISSING_" + field.toUpperCase(java.util.Locale.ROOT),
                    "An import of '" + object + "' needs " + field + ".", field);
        }
        if (!applies && value != null) {
            throw new InvalidImportException("NOT_APPLICABLE", field + " applies only to imports of '" + object
                    + "'.", field);
        }
    }
}
