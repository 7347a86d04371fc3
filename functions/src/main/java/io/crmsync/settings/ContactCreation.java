package io.crmsync.settings;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.store.SalesforceType;
import io.crmsync.store.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which Salesforce object a new HubSpot contact creates: one global choice, Lead or Contact, as in HubSpot's
 * connector (no per-record switch). Stored as {@code contact-creation} = {@code {"createAs":"LEAD"}}; Lead by default.
 */
@ApplicationScoped
public class ContactCreation {

    private final EnumSetting<SalesforceType> createAs;

    ContactCreation(SettingsRepository settings, ObjectMapper mapper, Clock clock) {
        this.createAs = new EnumSetting<>(settings, mapper, clock, "contact-creation", "createAs", SalesforceType.class,
                SalesforceType.LEAD);
    }

    public SalesforceType createAs() {
        return createAs.get();
    }

    public SalesforceType choose(SalesforceType type) {
        if (type != SalesforceType.LEAD && type != SalesforceType.CONTACT) {
            throw new InvalidMappingException("createAs", "A HubSpot contact creates a LEAD or a CONTACT, not " + type + ".");
        }
        return createAs.set(type);
    }
}
