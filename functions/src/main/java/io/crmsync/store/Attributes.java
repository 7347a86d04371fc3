package io.crmsync.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reading and writing attribute values with clear errors for items that do not have the expected shape. */
final class Attributes {

    private Attributes() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    static AttributeValue instant(Instant value) {
        return AttributeValue.fromS(value.toString());
    }

    /** A string map; null values are stored as DynamoDB NULL so "field was empty" survives the round trip. */
    static AttributeValue stringMap(Map<String, String> values) {
        Map<String, AttributeValue> map = new LinkedHashMap<>();
        values.forEach((k, v) -> map.put(k, v == null ? AttributeValue.fromNul(true) : AttributeValue.fromS(v)));
        return AttributeValue.fromM(map);
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(StoreSchema.PK, s(pk), StoreSchema.SK, s(sk));
    }

    static String pk(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get(StoreSchema.PK);
        return pk == null ? "(no pk)" : pk.s();
    }

    static String string(Map<String, AttributeValue> item, String name) {
        return optionalString(item, name)
                .orElseThrow(() -> new CorruptItemException(pk(item), name, "is missing"));
    }

    static Optional<String> optionalString(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return Optional.empty();
        }
        if (value.s() == null) {
            throw new CorruptItemException(pk(item), name, "is not a string");
        }
        return Optional.of(value.s());
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return optionalNumber(item, name)
                .orElseThrow(() -> new CorruptItemException(pk(item), name, "is missing"));
    }

    static Optional<Long> optionalNumber(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null || Boolean.TRUE.equals(value.nul())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.n()));
        } catch (NumberFormatException | NullPointerException e) {
            throw new CorruptItemException(pk(item), name, "is not an integer");
        }
    }

    static boolean bool(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        return optionalInstant(item, name)
                .orElseThrow(() -> new CorruptItemException(pk(item), name, "is missing"));
    }

    static Optional<Instant> optionalInstant(Map<String, AttributeValue> item, String name) {
        try {
            return optionalString(item, name).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw new CorruptItemException(pk(item), name, "is not an ISO-8601 instant");
        }
    }

    static <E extends Enum<E>> E enumValue(Map<String, AttributeValue> item, String name, Class<E> type) {
        String raw = string(item, name);
        try {
            return Enum.valueOf(type, raw);
        } catch (IllegalArgumentException e) {
            throw new CorruptItemException(pk(item), name, "is not a known " + type.getSimpleName());
        }
    }

    static Map<String, String> stringMap(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!value.hasM()) {
            throw new CorruptItemException(pk(item), name, "is not a map");
        }
        Map<String, String> result = new LinkedHashMap<>();
        value.m().forEach((k, v) -> {
            if (Boolean.TRUE.equals(v.nul())) {
                result.put(k, null);
            } else if (v.s() != null) {
                result.put(k, v.s());
            } else {
                throw new CorruptItemException(pk(item), name + "." + k, "is not a string");
            }
        });
        return result;
    }

    static Map<String, Long> numberMap(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return Map.of();
        }
        if (!value.hasM()) {
            throw new CorruptItemException(pk(item), name, "is not a map");
        }
        Map<String, Long> result = new LinkedHashMap<>();
        value.m().forEach((k, v) -> {
            try {
                result.put(k, Long.parseLong(v.n()));
            } catch (NumberFormatException | NullPointerException e) {
                throw new CorruptItemException(pk(item), name + "." + k, "is not an integer");
            }
        });
        return result;
    }
}
