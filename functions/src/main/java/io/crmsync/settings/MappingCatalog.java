package io.crmsync.settings;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.store.SettingsDocument;
import io.crmsync.store.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The field mappings of each object pair: stored as the settings document {@code mappings.<object>}, or the shipped
 * defaults until a user changes them. Changes are validated against both live schemas before they are stored.
 */
@ApplicationScoped
public class MappingCatalog {

    private static final TypeReference<List<FieldMapping>> LIST = new TypeReference<>() {
    };

    private final SettingsRepository settings;
    private final ObjectPairs pairs;
    private final SalesforceClient salesforce;
    private final HubSpotClient hubspot;
    private final ObjectMapper mapper;
    private final Clock clock;

    MappingCatalog(SettingsRepository settings, ObjectPairs pairs, SalesforceClient salesforce, HubSpotClient hubspot,
            ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.pairs = pairs;
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.mapper = mapper;
        this.clock = clock;
    }

    public List<FieldMapping> mappings(String object) {
        pairs.require(object);
        return settings.find(key(object)).map(this::read).orElseGet(() -> DefaultMappings.forObject(object));
    }

    public Map<String, List<FieldMapping>> all() {
        Map<String, List<FieldMapping>> out = new LinkedHashMap<>();
        pairs.all().keySet().stream().sorted().forEach(object -> out.put(object, mappings(object)));
        return out;
    }

    /**
     * Replaces the object's mappings after checking them against the Salesforce describe(s) and HubSpot properties.
     *
     * @throws InvalidMappingException naming the first field that cannot be mapped as asked
     */
    public List<FieldMapping> replace(String object, List<FieldMapping> mappings) {
        ObjectPair pair = pairs.require(object);
        Map<String, Describe> describes = new LinkedHashMap<>();
        pair.salesforceObjects().forEach(sobject -> describes.put(sobject, salesforce.describe(sobject)));
        Map<String, HubSpotField> properties = new LinkedHashMap<>();
        hubspot.properties(object).forEach(p -> properties.put(p.name(), HubSpotField.of(p)));
        MappingValidator.validate(pair, mappings, describes, properties);
        long version = settings.find(key(object)).map(SettingsDocument::version).orElse(0L);
        settings.save(key(object), write(mappings), version, clock.instant());
        return List.copyOf(mappings);
    }

    private List<FieldMapping> read(SettingsDocument doc) {
        try {
            return List.copyOf(mapper.readValue(mapper.readTree(doc.json()).path("mappings").traverse(), LIST));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Settings " + doc.key() + " do not hold a mappings list", e);
        }
    }

    private String write(List<FieldMapping> mappings) {
        try {
            return mapper.writeValueAsString(Map.of("mappings", mappings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Mappings could not be written as JSON", e);
        }
    }

    private static String key(String object) {
        return "mappings." + object;
    }
}
