package io.crmsync.sandbox.hubspot;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The records of one object type, indexed by id and by every unique property so upserts and reads by email stay
 * O(log n) with 100,000 seeded contacts. Not thread-safe: {@link SandboxState} serialises access.
 */
final class ObjectStore {

    private final ObjectType type;
    private final LongSupplier ids;
    private final TreeMap<Long, StoredObject> byId = new TreeMap<>();
    /** property -> lower-cased value -> id; HubSpot treats emails case-insensitively. */
    private final Map<String, Map<String, Long>> unique = new HashMap<>();

    ObjectStore(ObjectType type, LongSupplier ids) {
        this.type = type;
        this.ids = ids;
        type.uniqueProperties().forEach(p -> unique.put(p, new HashMap<>()));
    }

    ObjectType type() {
        return type;
    }

    Optional<StoredObject> get(long id) {
        return Optional.ofNullable(byId.get(id)).filter(o -> !o.archived());
    }

    Optional<StoredObject> findByUnique(String property, String value) {
        if (property.equals("hs_object_id")) {
            return parseId(value).flatMap(this::get);
        }
        Map<String, Long> index = unique.get(property);
        if (index == null) {
            throw SandboxException.validation(property + " is not a unique property of " + type.name()
                    + "; unique properties are " + type.uniqueProperties());
        }
        return Optional.ofNullable(index.get(normalise(value))).flatMap(this::get);
    }

    Collection<StoredObject> all() {
        return byId.values();
    }

    int size() {
        return byId.size();
    }

    /** The id of an existing record holding one of {@code properties}' unique values, if any. */
    Optional<Long> conflictingId(Map<String, String> properties, long exceptId) {
        for (var entry : unique.entrySet()) {
            String value = properties.get(entry.getKey());
            if (value != null && !value.isEmpty()) {
                Long owner = entry.getValue().get(normalise(value));
                if (owner != null && owner != exceptId) {
                    return Optional.of(owner);
                }
            }
        }
        return Optional.empty();
    }

    StoredObject create(Map<String, String> properties, Instant now) {
        long id = ids.getAsLong();
        Map<String, String> props = new HashMap<>();
        copyWritable(properties, props);
        String created = properties.getOrDefault(type.createdProperty(), now.toString());
        String modified = properties.getOrDefault(type.lastModifiedProperty(), now.toString());
        props.put("hs_object_id", String.valueOf(id));
        props.put(type.createdProperty(), created);
        props.put("createdate", created);
        props.put(type.lastModifiedProperty(), modified);
        StoredObject stored = new StoredObject(id, props, Instant.parse(created), Instant.parse(modified), false);
        put(null, stored);
        return stored;
    }

    StoredObject update(StoredObject current, Map<String, String> properties, Instant now) {
        Map<String, String> props = new HashMap<>(current.properties());
        copyWritable(properties, props);
        String modified = properties.getOrDefault(type.lastModifiedProperty(), now.toString());
        props.put(type.lastModifiedProperty(), modified);
        StoredObject stored = new StoredObject(current.id(), props, current.createdAt(), Instant.parse(modified), false);
        put(current, stored);
        return stored;
    }

    StoredObject archive(StoredObject current, Instant now) {
        StoredObject archived = new StoredObject(current.id(), current.properties(), current.createdAt(), now, true);
        put(current, archived);
        return archived;
    }

    void clear() {
        byId.clear();
        unique.values().forEach(Map::clear);
    }

    List<StoredObject> liveRecords() {
        return byId.values().stream().filter(o -> !o.archived()).toList();
    }

    private void copyWritable(Map<String, String> from, Map<String, String> to) {
        from.forEach((name, value) -> {
            if (type.isReadOnly(name)) {
                return; // dates and ids are only settable through seeding, like imports on the real portal
            }
            if (value == null || value.isEmpty()) {
                to.remove(name); // HubSpot clears a property set to ""
            } else {
                to.put(name, name.equals("email") ? value.toLowerCase(Locale.ROOT) : value);
            }
        });
    }

    private void put(StoredObject old, StoredObject now) {
        for (var entry : unique.entrySet()) {
            if (old != null && old.get(entry.getKey()) != null) {
                entry.getValue().remove(normalise(old.get(entry.getKey())));
            }
            if (!now.archived() && now.get(entry.getKey()) != null) {
                entry.getValue().put(normalise(now.get(entry.getKey())), now.id());
            }
        }
        byId.put(now.id(), now);
    }

    private static String normalise(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
