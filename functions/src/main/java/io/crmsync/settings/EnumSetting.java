package io.crmsync.settings;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.crmsync.store.SettingsDocument;
import io.crmsync.store.SettingsRepository;

/** One global choice among an enum's values, stored as {@code {"<field>":"VALUE"}} under its key, with a default. */
final class EnumSetting<E extends Enum<E>> {

    private final SettingsRepository settings;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final String key;
    private final String field;
    private final Class<E> type;
    private final E defaultValue;

    EnumSetting(SettingsRepository settings, ObjectMapper mapper, Clock clock, String key, String field, Class<E> type,
            E defaultValue) {
        this.settings = settings;
        this.mapper = mapper;
        this.clock = clock;
        this.key = key;
        this.field = field;
        this.type = type;
        this.defaultValue = defaultValue;
    }

    E get() {
        return settings.find(key).map(doc -> {
            try {
                return Enum.valueOf(type, mapper.readTree(doc.json()).path(field).asText());
            } catch (Exception e) {
                throw new IllegalStateException("Settings " + key + " hold no valid " + field, e);
            }
        }).orElse(defaultValue);
    }

    E set(E value) {
        long version = settings.find(key).map(SettingsDocument::version).orElse(0L);
        settings.save(key, mapper.createObjectNode().put(field, value.name()).toString(), version, clock.instant());
        return value;
    }
}
