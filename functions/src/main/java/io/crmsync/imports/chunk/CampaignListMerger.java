package io.crmsync.imports.chunk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.crmsync.hubspot.HubSpotClient;
import io.crmsync.hubspot.model.CrmObject;
import io.crmsync.imports.catalogue.ImportCatalogue;
import io.crmsync.imports.catalogue.MappedRecord;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * "Salesforce Campaigns" lists every campaign a contact was imported with, as HubSpot's multi-value properties do
 * ({@code ;}-separated). An upsert replaces the value, so the contacts' current values are read first (one batch read
 * per 100 members) and the campaign is added to them: importing a second campaign keeps the first, and importing
 * the same campaign again changes nothing.
 */
@ApplicationScoped
public class CampaignListMerger {

    static final String SEPARATOR = ";";

    private final HubSpotClient hubspot;

    CampaignListMerger(HubSpotClient hubspot) {
        this.hubspot = hubspot;
    }

    /** Whether any of {@code records} adds a campaign (a campaign import's page). */
    public boolean carriesCampaigns(List<MappedRecord> records) {
        return records.stream().anyMatch(r -> r.properties().containsKey(ImportCatalogue.SALESFORCE_CAMPAIGNS));
    }

    public List<MappedRecord> withExistingCampaigns(String hubspotObjectType, List<MappedRecord> records) {
        List<String> emails = records.stream()
                .filter(r -> r.properties().containsKey(ImportCatalogue.SALESFORCE_CAMPAIGNS))
                .map(MappedRecord::uniqueKey).toList();
        if (emails.isEmpty()) {
            return records;
        }
        Map<String, String> current = new HashMap<>();
        for (CrmObject contact : hubspot.batchRead(hubspotObjectType, emails,
                List.of("email", ImportCatalogue.SALESFORCE_CAMPAIGNS), Optional.of("email")).results()) {
            String email = contact.property("email");
            if (email != null) {
                current.put(email.toLowerCase(Locale.ROOT), contact.property(ImportCatalogue.SALESFORCE_CAMPAIGNS));
            }
        }
        List<MappedRecord> merged = new ArrayList<>(records.size());
        for (MappedRecord r : records) {
            String campaign = r.properties().get(ImportCatalogue.SALESFORCE_CAMPAIGNS);
            String existing = current.get(r.uniqueKey().toLowerCase(Locale.ROOT));
            if (campaign == null || existing == null || existing.isBlank()) {
                merged.add(r);
                continue;
            }
            Map<String, String> properties = new LinkedHashMap<>(r.properties());
            properties.put(ImportCatalogue.SALESFORCE_CAMPAIGNS, union(existing, campaign));
            merged.add(MappedRecord.write(r.salesforceId(), r.uniqueKey(), properties));
        }
        return merged;
    }

    static String union(String existing, String campaign) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : existing.split(SEPARATOR)) {
            if (!name.isBlank()) {
                names.add(name.trim());
            }
        }
        names.add(campaign.trim());
        return String.join(SEPARATOR, names);
    }
}
