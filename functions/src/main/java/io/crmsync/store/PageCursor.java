package io.crmsync.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Turns DynamoDB's LastEvaluatedKey into an opaque base64url cursor and back. All our key attributes are strings, so
 * the cursor is a small JSON object of strings. Decoding checks the cursor has exactly the listing's key attributes
 * and the same partition, so a cursor from one list can't be replayed against another.
 */
final class PageCursor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private PageCursor() {
    }

    static Optional<String> encode(Map<String, AttributeValue> lastEvaluatedKey) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> {
            if (value.s() == null) {
                throw new IllegalStateException("Key attribute " + name + " is not a string");
            }
            plain.put(name, value.s());
        });
        try {
            return Optional.of(Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(plain)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode cursor", e);
        }
    }

    /**
     * @return the ExclusiveStartKey, or null for "from the start" when the cursor is absent
     */
    static Map<String, AttributeValue> decode(Optional<String> cursor, Set<String> keyAttributes,
            String partitionAttribute, String partitionValue) {
        if (cursor.isEmpty()) {
            return null;
        }
        Map<String, String> plain;
        try {
            byte[] json = Base64.getUrlDecoder().decode(cursor.get());
            plain = JSON.readValue(new String(json, StandardCharsets.UTF_8), STRING_MAP);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new InvalidCursorException("not a cursor issued by this store");
        }
        if (plain == null || !plain.keySet().equals(keyAttributes)) {
            throw new InvalidCursorException("it does not belong to this listing");
        }
        if (!partitionValue.equals(plain.get(partitionAttribute))) {
            throw new InvalidCursorException("it was issued for another listing");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        plain.forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
        return key;
    }
}
