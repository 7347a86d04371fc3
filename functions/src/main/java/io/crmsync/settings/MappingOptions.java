package io.crmsync.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.FieldDescribe;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What a field mapping of an object pair can name, for the console's mapping editor: the HubSpot properties and the
 * Salesforce fields (of each Salesforce object the pair covers) with their types, and the sync rules. Whether a given
 * mapping is allowed stays {@link MappingValidator}'s answer when the mappings are saved.
 */
@ApplicationScoped
public class MappingOptions {

    private final ObjectPairs pairs;
    private final SalesforceClient salesforce;
    private final HubSpotClient hubspot;

    MappingOptions(ObjectPairs pairs, SalesforceClient salesforce, HubSpotClient hubspot) {
        this.pairs = pairs;
        this.salesforce = salesforce;
        this.hubspot = hubspot;
    }

    @RegisterForReflection
    public record Options(String object, List<String> salesforceObjects, List<String> rules,
            List<HubSpotProperty> hubspotProperties, List<SalesforceField> salesforceFields) {
    }

    @RegisterForReflection
    public record HubSpotProperty(String name, String label, String type, boolean readOnly) {
    }

    /** A field by name, on every Salesforce object of the pair that has it ({@code objects}). */
    @RegisterForReflection
    public record SalesforceField(String name, String label, String type, boolean formula, List<String> objects) {
    }

    /** One describe per Salesforce object of the pair and one properties call. */
    public Options options(String object) {
        ObjectPair pair = pairs.require(object);
        Map<String, SalesforceField> fields = new LinkedHashMap<>();
        for (String sobject : pair.salesforceObjects()) {
            for (FieldDescribe f : salesforce.describe(sobject).fields()) {
                fields.merge(f.name(), new SalesforceField(f.name(), label(f.label(), f.name()), f.type(),
                        f.calculated(), List.of(sobject)), MappingOptions::onBoth);
            }
        }
        List<HubSpotProperty> properties = hubspot.properties(object).stream()
                .map(p -> new HubSpotProperty(p.name(), label(p.label(), p.name()), p.type(), HubSpotField.of(p).readOnly()))
                .sorted(Comparator.comparing(HubSpotProperty::label, String.CASE_INSENSITIVE_ORDER)).toList();
        List<SalesforceField> sorted = fields.values().stream()
                .sorted(Comparator.comparing(SalesforceField::label, String.CASE_INSENSITIVE_ORDER)).toList();
        return new Options(object, pair.salesforceObjects(), Arrays.stream(SyncRule.values()).map(Enum::name).toList(),
                properties, sorted);
    }

    private static SalesforceField onBoth(SalesforceField a, SalesforceField b) {
        List<String> objects = new ArrayList<>(a.objects());
        objects.addAll(b.objects());
        return new SalesforceField(a.name(), a.label(), a.type(), a.formula() || b.formula(), List.copyOf(objects));
    }

    private static String label(String label, String name) {
        return label == null || label.isBlank() ? name : label;
    }
}
