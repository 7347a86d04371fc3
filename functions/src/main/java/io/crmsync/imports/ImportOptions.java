package io.crmsync.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmsync.imports.catalogue.ImportCatalogue;
import io.crmsync.imports.catalogue.ImportPhase;
import io.crmsync.imports.catalogue.ImportableObject;
import io.crmsync.imports.definition.FilterOperator;
import io.crmsync.imports.definition.InvalidImportException;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.Soql;
import io.crmsync.settings.CustomObjects;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What an import definition can be built from, for the console's import wizard: the Salesforce fields an import's
 * filters can name, each with the operators its type allows (the same rules the import itself checks), and the
 * active campaigns a campaign import can pick.
 */
@ApplicationScoped
public class ImportOptions {

    /** More campaigns than this are not picked from a list; Salesforce orgs rarely have this many active. */
    static final int MAX_CAMPAIGNS = 500;

    private final ImportCatalogue catalogue;
    private final ImportPlanner planner;
    private final SalesforceClient salesforce;
    private final CustomObjects customObjects;

    ImportOptions(ImportCatalogue catalogue, ImportPlanner planner, SalesforceClient salesforce,
            CustomObjects customObjects) {
        this.catalogue = catalogue;
        this.planner = planner;
        this.salesforce = salesforce;
        this.customObjects = customObjects;
    }

    @RegisterForReflection
    public record Objects(List<String> objects, List<String> customObjects) {
    }

    /** The importable objects, and the custom objects configured with a HubSpot counterpart. */
    public Objects objects() {
        return new Objects(Arrays.stream(ImportableObject.values()).map(ImportableObject::wireName).toList(),
                customObjects.all().stream().map(CustomObjects.Pair::salesforceObject).sorted().toList());
    }

    @RegisterForReflection
    public record FilterField(String name, String label, String type, List<String> operators) {
    }

    @RegisterForReflection
    public record FilterFields(String object, List<String> salesforceObjects, List<FilterField> fields) {
    }

    @RegisterForReflection
    public record Campaign(String id, String name) {
    }

    /**
     * The fields every Salesforce object the import reads has (leads and contacts: both), with the operators valid on
     * all of them. Fields no operator applies to are left out.
     *
     * @throws InvalidImportException for an unknown object, or a custom object Salesforce does not have
     */
    public FilterFields filterFields(String object, String customObject) {
        ImportableObject importable = ImportableObject.parse(object).orElseThrow(() -> new InvalidImportException(
                object == null ? "MISSING_OBJECT" : "UNKNOWN_OBJECT", "Unknown object '" + object
                        + "'. Importable objects: " + ImportableObject.known() + ".", "object"));
        if (importable == ImportableObject.CUSTOM && (customObject == null || customObject.isBlank())) {
            throw new InvalidImportException("MISSING_CUSTOMOBJECT", "Fields of a custom object import need "
                    + "customObject, the object's API name (e.g. Invoice__c).", "customObject");
        }
        List<ImportPhase> phases = catalogue.phases(importable, customObject, planner::describe);
        List<Describe> describes = phases.stream().map(p -> planner.describe(p.sobject())).toList();
        Map<String, FilterField> common = new LinkedHashMap<>();
        describes.get(0).fields().stream()
                .sorted((a, b) -> a.label() == null || b.label() == null ? a.name().compareTo(b.name())
                        : a.label().compareToIgnoreCase(b.label()))
                .forEach(f -> operators(f, describes).ifPresent(ops -> common.put(f.name(),
                        new FilterField(f.name(), f.label() == null ? f.name() : f.label(), f.type(), ops))));
        return new FilterFields(importable.wireName(), phases.stream().map(ImportPhase::sobject).distinct().toList(),
                List.copyOf(common.values()));
    }

    /** Active campaigns by name: only those can be imported. One query. */
    public List<Campaign> activeCampaigns() {
        return salesforce.query(Soql.select("Id", "Name").from("Campaign").where(Condition.eq("IsActive", true))
                .orderBy("Name").limit(MAX_CAMPAIGNS)).stream()
                .map(c -> new Campaign(c.getString("Id"), c.getString("Name"))).toList();
    }

    private static Optional<List<String>> operators(FieldDescribe field, List<Describe> describes) {
        List<String> types = new ArrayList<>();
        for (Describe d : describes) {
            var same = d.field(field.name());
            if (same.isEmpty()) {
                return Optional.empty();
            }
            types.add(same.get().type());
        }
        List<String> ops = Arrays.stream(FilterOperator.values())
                .filter(op -> types.stream().allMatch(op::usableOn)).map(FilterOperator::wireName).toList();
        return ops.isEmpty() ? Optional.empty() : Optional.of(ops);
    }
}
