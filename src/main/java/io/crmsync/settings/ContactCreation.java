package io.crmsync.settings;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.store.SalesforceType;
import io.crmsync.store.SettingsDocument;
import io.crmsync.store.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which Salesforce object a new HubSpot contact creates: one global choice, Lead or Contact, as in HubSpot's
 * connector (no per-record switch). Stored as {@code contact-creation} = {@code {"createAs":"LEAD"}}; Lead by default.
 */
@ApplicationScoped
public class ContactCreation {

    private static final String KEY = "contact-creation";

    private final SettingsRepository settings;
    private final ObjectMapper mapper;
    private final Clock clock;

    ContactCreation(SettingsRepository settings, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
    }

    public SalesforceType createAs() {
        return settings.find(KEY).map(doc -> {
            try {
                return SalesforceType.valueOf(mapper.readTree(doc.json()).path("createAs").asText());
            } catch (Exception e) {
                throw new IllegalStateException("Settings " + KEY + " hold no valid createAs", e);
            }
        }).orElse(SalesforceType.LEAD);
    }

    public SalesforceType choose(SalesforceType type) {
        if (type != SalesforceType.LEAD && type != SalesforceType.CONTACT) {
            throw new InvalidMappingException("createAs", "A HubSpot contact creates a LEAD or a CONTACT, not " + type + ".");
        }
        long version = settings.find(KEY).map(SettingsDocument::version).orElse(0L);
        settings.save(KEY, mapper.createObjectNode().put("createAs", type.name()).toString(), version, clock.instant());
        return type;
    }
}
