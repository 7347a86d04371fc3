package io.crmsync.settings;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.config.CrmSyncConfig;
import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.CustomObjectSchema;
import io.crmsync.salesforce.SalesforceClient;
import io.crmsync.salesforce.error.SalesforceException;
import io.crmsync.store.SettingsDocument;
import io.crmsync.store.SettingsRepository;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The custom object pairs, chosen at run time: a Salesforce custom object ({@code Invoice__c}) and the HubSpot custom
 * object type it syncs with ({@code 2-1000002}). The settings document {@code custom-objects} holds the user's
 * choice ({@code PUT /settings/custom-objects}); until there is one, the deployment's {@code crmsync.custom-objects}
 * (the template's {@code CustomObjects} parameter, {@code Invoice__c=2-1000002,...}) is used. Imports, the poller,
 * the worker, resyncs, webhooks and Sync Health all read the pairs here.
 */
@ApplicationScoped
public class CustomObjects {

    static final String KEY = "custom-objects";
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*__c");
    private static final Pattern TYPE_ID = Pattern.compile("2-\\d+");

    /** A Salesforce custom object and the HubSpot custom object type (its {@code 2-...} id) it pairs with. */
    @RegisterForReflection
    public record Pair(String salesforceObject, String hubspotObject) {
    }

    /** The settings document: {@code {"pairs":[...]}} (settings documents are JSON objects). */
    @RegisterForReflection
    record Stored(List<Pair> pairs) {
    }

    private final SettingsRepository settings;
    private final SalesforceClient salesforce;
    private final HubSpotClient hubspot;
    private final CrmSyncConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    CustomObjects(SettingsRepository settings, SalesforceClient salesforce, HubSpotClient hubspot,
            CrmSyncConfig config, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.salesforce = salesforce;
        this.hubspot = hubspot;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    public List<Pair> all() {
        return settings.find(KEY).map(this::read).orElseGet(this::deployed);
    }

    public Optional<Pair> bySalesforceObject(String apiName) {
        return apiName == null ? Optional.empty()
                : all().stream().filter(p -> p.salesforceObject().equalsIgnoreCase(apiName)).findFirst();
    }

    public Optional<Pair> byHubSpotObject(String objectTypeId) {
        return all().stream().filter(p -> p.hubspotObject().equals(objectTypeId)).findFirst();
    }

    /**
     * Replaces the pairs, each checked first: the Salesforce object must be a custom object ({@code __c}) the
     * integration user can describe, the HubSpot object a custom object of the portal (by type id, name or fully
     * qualified name; stored as its type id), neither paired twice. One describe per pair and one schemas call.
     */
    public List<Pair> replace(List<Pair> requested) {
        if (requested == null) {
            throw new InvalidMappingException("customObjects", "Send {\"customObjects\":[{\"salesforceObject\":"
                    + "\"Invoice__c\",\"hubspotObject\":\"2-1234567\"}]} ([] removes every custom object pair).");
        }
        List<CustomObjectSchema> schemas = requested.isEmpty() ? List.of() : hubspot.customObjectSchemas();
        List<Pair> checked = new ArrayList<>();
        Set<String> seenSalesforce = new HashSet<>();
        Set<String> seenHubSpot = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            Pair p = requested.get(i);
            String at = "customObjects[" + i + "]";
            String apiName = p == null ? null : p.salesforceObject();
            if (apiName == null || !API_NAME.matcher(apiName).matches()) {
                throw new InvalidMappingException(at + ".salesforceObject", "salesforceObject must be the API name "
                        + "of a Salesforce custom object, ending in __c (e.g. Invoice__c); got '" + apiName + "'.");
            }
            String described;
            try {
                described = salesforce.describe(apiName).name();
            } catch (SalesforceException e) {
                throw new InvalidMappingException(at + ".salesforceObject", "Salesforce has no object " + apiName
                        + " the integration user can describe (" + e.getMessage() + "). Check the API name in "
                        + "Setup > Object Manager and the user's access to it.");
            }
            String reference = p.hubspotObject();
            CustomObjectSchema schema = reference == null ? null
                    : schemas.stream().filter(s -> s.isNamed(reference.trim())).findFirst().orElse(null);
            if (schema == null) {
                throw new InvalidMappingException(at + ".hubspotObject", "HubSpot has no custom object '" + reference
                        + "'. Name one by type id, name or fully qualified name; the portal has: "
                        + schemas.stream().map(s -> s.objectTypeId() + " (" + s.name() + ")").toList() + ".");
            }
            if (!seenSalesforce.add(described.toLowerCase(Locale.ROOT)) || !seenHubSpot.add(schema.objectTypeId())) {
                throw new InvalidMappingException(at, described + " or " + schema.objectTypeId()
                        + " is paired twice; each custom object pairs with one object on the other side.");
            }
            checked.add(new Pair(described, schema.objectTypeId()));
        }
        long version = settings.find(KEY).map(SettingsDocument::version).orElse(0L);
        try {
            settings.save(KEY, mapper.writeValueAsString(new Stored(checked)), version, clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the custom object pairs", e);
        }
        return List.copyOf(checked);
    }

    /** {@code crmsync.custom-objects}: {@code Invoice__c=2-1000002,Vehicle__c=2-1000001}. */
    private List<Pair> deployed() {
        List<Pair> out = new ArrayList<>();
        for (String entry : config.customObjects().orElse(List.of())) {
            String[] parts = entry.split("=", 2);
            if (parts.length != 2 || !API_NAME.matcher(parts[0].trim()).matches()
                    || !TYPE_ID.matcher(parts[1].trim()).matches()) {
                throw new IllegalStateException("crmsync.custom-objects entry '" + entry + "' is not "
                        + "SalesforceObject__c=2-<HubSpot object type id>");
            }
            out.add(new Pair(parts[0].trim(), parts[1].trim()));
        }
        return out;
    }

    private List<Pair> read(SettingsDocument doc) {
        try {
            return List.copyOf(mapper.readValue(doc.json(), Stored.class).pairs());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Settings " + doc.key() + " are not valid JSON", e);
        }
    }
}
