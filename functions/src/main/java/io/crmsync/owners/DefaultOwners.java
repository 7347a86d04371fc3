package io.crmsync.owners;

import java.time.Clock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.settings.InvalidMappingException;
import io.crmsync.store.SettingsDocument;
import io.crmsync.store.SettingsRepository;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who owns a record whose owner has no counterpart in the other CRM (an integration user, someone who left): a
 * HubSpot owner for records coming from Salesforce, a Salesforce user for records coming from HubSpot. Stored as the
 * settings document {@code default-owners}; unset (the default) keeps such owners as Sync Health errors.
 */
@ApplicationScoped
public class DefaultOwners {

    static final String KEY = "default-owners";

    /** Either may be null: no default in that direction. */
    @RegisterForReflection
    public record Choice(String hubspotOwnerId, String salesforceUserId) {

        public static final Choice NONE = new Choice(null, null);
    }

    private final SettingsRepository settings;
    private final OwnerDirectory directory;
    private final ObjectMapper mapper;
    private final Clock clock;

    DefaultOwners(SettingsRepository settings, OwnerDirectory directory, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.directory = directory;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Choice current() {
        return settings.find(KEY).map(this::read).orElse(Choice.NONE);
    }

    /**
     * Replaces both defaults; each must name an active person of its CRM (read fresh, so someone just added is
     * found). Null clears that direction.
     */
    public Choice choose(Choice choice) {
        Owners people = directory.afterMiss();
        String owner = blankToNull(choice.hubspotOwnerId());
        String user = blankToNull(choice.salesforceUserId());
        if (owner != null && people.owner(owner).isEmpty()) {
            throw new InvalidMappingException("hubspotOwnerId", "HubSpot has no active owner " + owner
                    + "; use an id from GET /crm/v3/owners (HubSpot users who can own records).");
        }
        if (user != null && people.user(user).filter(SalesforceUser::active).isEmpty()) {
            throw new InvalidMappingException("salesforceUserId", "Salesforce has no active User " + user
                    + "; use the Id of an active User (SELECT Id, Name FROM User WHERE IsActive = true).");
        }
        Choice chosen = new Choice(owner, user);
        long version = settings.find(KEY).map(SettingsDocument::version).orElse(0L);
        try {
            settings.save(KEY, mapper.writeValueAsString(chosen), version, clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the default owners", e);
        }
        return chosen;
    }

    private Choice read(SettingsDocument doc) {
        try {
            return mapper.readValue(doc.json(), Choice.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Settings " + doc.key() + " are not valid JSON", e);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
