package io.crmsync.settings;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.store.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What happens to a HubSpot contact when its Salesforce lead or contact is deleted (the connector's "Deleting
 * Contacts" choice). By default it stays, unpaired: it may hold marketing history a Salesforce clean-up should not
 * erase. Stored as {@code contact-deletion} = {@code {"whenDeletedInSalesforce":"KEEP_IN_HUBSPOT"}}.
 */
@ApplicationScoped
public class ContactDeletion {

    public enum WhenDeletedInSalesforce {
        KEEP_IN_HUBSPOT, ARCHIVE_IN_HUBSPOT
    }

    private final EnumSetting<WhenDeletedInSalesforce> choice;

    ContactDeletion(SettingsRepository settings, ObjectMapper mapper, Clock clock) {
        this.choice = new EnumSetting<>(settings, mapper, clock, "contact-deletion", "whenDeletedInSalesforce",
                WhenDeletedInSalesforce.class, WhenDeletedInSalesforce.KEEP_IN_HUBSPOT);
    }

    public WhenDeletedInSalesforce whenDeletedInSalesforce() {
        return choice.get();
    }

    public WhenDeletedInSalesforce choose(WhenDeletedInSalesforce value) {
        return choice.set(value);
    }
}
