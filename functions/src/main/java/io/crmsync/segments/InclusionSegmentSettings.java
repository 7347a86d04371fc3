package io.crmsync.segments;

import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.store.SettingsDocument;
import io.crmsync.store.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which inclusion segment (if any) each HubSpot object type has, stored as the settings document
 * {@code segment.<object>} = {@code {"listId":"..."}}. The one place imports, the poller and the settings API read and
 * write it. Checking that a list is DYNAMIC belongs to whoever accepts the choice from a user (the settings API).
 */
@ApplicationScoped
public class InclusionSegmentSettings {

    private final SettingsRepository settings;
    private final ObjectMapper mapper;
    private final Clock clock;

    InclusionSegmentSettings(SettingsRepository settings, ObjectMapper mapper, Clock clock) {
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
    }

    public Optional<InclusionSegment> find(String object) {
        return settings.find(key(object)).map(doc -> {
            JsonNode listId = read(doc).get("listId");
            return listId == null || listId.isNull() ? null
                    : new InclusionSegment(object, listId.asText(), doc.updatedAt());
        });
    }

    /** Chooses {@code listId} (null clears the choice); replaces whatever was chosen before. */
    public InclusionSegment choose(String object, String listId) {
        long version = settings.find(key(object)).map(SettingsDocument::version).orElse(0L);
        String json = mapper.createObjectNode().put("listId", listId).toString();
        SettingsDocument saved = settings.save(key(object), json, version, clock.instant());
        return new InclusionSegment(object, listId, saved.updatedAt());
    }

    private JsonNode read(SettingsDocument doc) {
        try {
            return mapper.readTree(doc.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Settings " + doc.key() + " are not valid JSON", e);
        }
    }

    private static String key(String object) {
        return "segment." + object;
    }
}
