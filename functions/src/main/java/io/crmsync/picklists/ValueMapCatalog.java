package io.crmsync.picklists;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.PropertyDefinition;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.model.Describe;
import io.crmsync.settings.ObjectPair;
import io.crmsync.settings.ObjectPairs;
import io.crmsync.store.SettingsDocument;
import io.crmsync.store.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The picklist value maps of each object pair, stored as the settings document {@code valuemaps.<object>}, or the
 * shipped defaults until a user changes them. Changes are validated against Salesforce describe and HubSpot property
 * options before they are stored.
 */
@ApplicationScoped
public class ValueMapCatalog {

    private static final TypeReference<List<ValueMap>> LIST = new TypeReference<>() {
    };

    private final SettingsRepository settings;
    private final ObjectPairs pairs;
    private final SalesforceClient salesforce;
    private final HubSpotClient hubspot;
    private final ObjectMapper mapper;
    private final Clock clock;

    ValueMapCatalog(SettingsRepository settings, ObjectPairs pairs, SalesforceClient salesforce, HubSpotClient hubspot,
            ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.pairs = pairs;
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.mapper = mapper;
        this.clock = clock;
    }

    public List<ValueMap> maps(String object) {
        pairs.require(object);
        return settings.find(key(object)).map(this::read).orElseGet(() -> DefaultValueMaps.forObject(object));
    }

    public Optional<ValueMap> find(String object, String hubspotProperty) {
        return maps(object).stream().filter(m -> m.hubspotProperty().equals(hubspotProperty)).findFirst();
    }

    /**
     * Replaces the object's value maps after checking every value against both CRMs.
     *
     * @throws InvalidValueMapException naming the first value that cannot be mapped
     */
    public List<ValueMap> replace(String object, List<ValueMap> maps) {
        ObjectPair pair = pairs.require(object);
        Map<String, Describe> describes = new LinkedHashMap<>();
        pair.salesforceObjects().forEach(sobject -> describes.put(sobject, salesforce.describe(sobject)));
        Map<String, PropertyDefinition> properties = new LinkedHashMap<>();
        hubspot.properties(object).forEach(p -> properties.put(p.name(), p));
        ValueMapValidator.validate(object, maps, describes, properties);
        long version = settings.find(key(object)).map(SettingsDocument::version).orElse(0L);
        settings.save(key(object), write(maps), version, clock.instant());
        return List.copyOf(maps);
    }

    private List<ValueMap> read(SettingsDocument doc) {
        try {
            return List.copyOf(mapper.readValue(mapper.readTree(doc.json()).path("maps").traverse(), LIST));
        } catch (IOException e) {
            throw new IllegalStateException("Settings " + doc.key() + " do not hold a value map list", e);
        }
    }

    private String write(List<ValueMap> maps) {
        try {
            return mapper.writeValueAsString(Map.of("maps", maps));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Value maps could not be written as JSON", e);
        }
    }

    private static String key(String object) {
        return "valuemaps." + object;
    }
}
