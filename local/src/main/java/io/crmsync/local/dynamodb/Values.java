package io.crmsync.local.dynamodb;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * DynamoDB attribute values in their wire form ({@code {"S": "x"}}, {@code {"N": "1"}}, {@code {"M": {...}}}, ...):
 * validation, comparison, equality and size, by DynamoDB's rules (numbers compare as numbers, strings by their UTF-8
 * bytes, an item's size is its names' and values' bytes).
 */
final class Values {

    /** DynamoDB's item size limit. */
    static final int MAX_ITEM_BYTES = 400 * 1024;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Values() {
    }

    /** The value's type: S, N, B, BOOL, NULL, M, L, SS, NS or BS. */
    static String type(JsonNode value) {
        if (value == null || !value.isObject() || value.size() != 1) {
            throw DynamoException.validation("Supplied AttributeValue has more than one datatypes set, must contain"
                    + " exactly one of the supported datatypes");
        }
        return value.fieldNames().next();
    }

    /**
     * Checks a value as DynamoDB does on input (known type, numbers that parse, sets neither empty nor with
     * duplicates) and answers it in DynamoDB's stored form: numbers without insignificant zeros.
     */
    static JsonNode normalize(JsonNode value) {
        String type = type(value);
        JsonNode v = value.get(type);
        switch (type) {
            case "S":
                requireText(v, type);
                return value;
            case "N":
                requireText(v, type);
                return number(parseNumber(v.asText()));
            case "B":
                requireText(v, type);
                decode(v.asText());
                return value;
            case "BOOL":
                if (!v.isBoolean()) {
                    throw DynamoException.serialization("BOOL must be true or false");
                }
                return value;
            case "NULL":
                if (!v.isBoolean() || !v.asBoolean()) {
                    throw DynamoException.validation("One or more parameter values were invalid: Null attribute value"
                            + " types must have the value of true");
                }
                return value;
            case "M": {
                if (!v.isObject()) {
                    throw DynamoException.serialization("M must be an object");
                }
                ObjectNode out = JSON.objectNode();
                ObjectNode map = out.putObject("M");
                v.fields().forEachRemaining(e -> map.set(e.getKey(), normalize(e.getValue())));
                return out;
            }
            case "L": {
                if (!v.isArray()) {
                    throw DynamoException.serialization("L must be an array");
                }
                ObjectNode out = JSON.objectNode();
                ArrayNode list = out.putArray("L");
                v.forEach(e -> list.add(normalize(e)));
                return out;
            }
            case "SS":
            case "NS":
            case "BS":
                return normalizeSet(type, v);
            default:
                throw DynamoException.serialization("Unknown attribute value type " + type);
        }
    }

    private static JsonNode normalizeSet(String type, JsonNode v) {
        if (!v.isArray()) {
            throw DynamoException.serialization(type + " must be an array");
        }
        if (v.isEmpty()) {
            throw DynamoException.validation("One or more parameter values were invalid: An " + type
                    + " may not be empty");
        }
        ObjectNode out = JSON.objectNode();
        ArrayNode set = out.putArray(type);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (JsonNode member : v) {
            requireText(member, type);
            String text = type.equals("NS") ? canonical(parseNumber(member.asText())) : member.asText();
            if (type.equals("BS")) {
                decode(text);
            }
            if (!seen.add(text)) {
                throw DynamoException.validation("One or more parameter values were invalid: Input collection "
                        + v + " contains duplicates.");
            }
            set.add(text);
        }
        return out;
    }

    private static void requireText(JsonNode v, String type) {
        if (v == null || !v.isTextual()) {
            throw DynamoException.serialization(type + " must be a string");
        }
    }

    static BigDecimal parseNumber(String text) {
        try {
            BigDecimal n = new BigDecimal(text.trim());
            if (n.precision() > 38) {
                throw DynamoException.validation("Attempting to store more than 38 significant digits in a Number");
            }
            return n;
        } catch (NumberFormatException e) {
            throw DynamoException.validation("The parameter cannot be converted to a numeric value: " + text);
        }
    }

    static JsonNode number(BigDecimal n) {
        ObjectNode out = JSON.objectNode();
        out.put("N", canonical(n));
        return out;
    }

    private static String canonical(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw DynamoException.serialization("Binary value is not valid base64");
        }
    }

    /** Whether two values are equal: same type and same value (numbers by value, sets whatever their order). */
    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = type(a);
        if (!type.equals(type(b))) {
            return false;
        }
        JsonNode x = a.get(type);
        JsonNode y = b.get(type);
        switch (type) {
            case "N":
                return parseNumber(x.asText()).compareTo(parseNumber(y.asText())) == 0;
            case "SS":
            case "BS":
                return setOf(x).equals(setOf(y));
            case "NS": {
                java.util.Set<BigDecimal> xs = new java.util.TreeSet<>();
                java.util.Set<BigDecimal> ys = new java.util.TreeSet<>();
                x.forEach(n -> xs.add(parseNumber(n.asText())));
                y.forEach(n -> ys.add(parseNumber(n.asText())));
                return xs.equals(ys);
            }
            case "M": {
                if (x.size() != y.size()) {
                    return false;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (!equal(e.getValue(), y.get(e.getKey()))) {
                        return false;
                    }
                }
                return true;
            }
            case "L": {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!equal(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            default:
                return x.equals(y);
        }
    }

    private static java.util.Set<String> setOf(JsonNode array) {
        java.util.Set<String> out = new java.util.HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /**
     * Orders two scalar values of one type (S, N or B), as a sort key or a {@code <} comparison does; null when they
     * cannot be ordered (different types, or a type without an order).
     */
    static Integer compare(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return null;
        }
        String type = type(a);
        if (!type.equals(type(b))) {
            return null;
        }
        return switch (type) {
            case "S" -> compareStrings(a.get("S").asText(), b.get("S").asText());
            case "N" -> parseNumber(a.get("N").asText()).compareTo(parseNumber(b.get("N").asText()));
            case "B" -> java.util.Arrays.compareUnsigned(decode(a.get("B").asText()), decode(b.get("B").asText()));
            default -> null;
        };
    }

    /** By code point, which is the order of the strings' UTF-8 bytes (DynamoDB's), unlike String.compareTo. */
    static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** An item's size as DynamoDB counts it against the 400 KB limit: names plus values, in bytes. */
    static long itemSize(ObjectNode item) {
        long size = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            size += utf8(e.getKey()) + valueSize(e.getValue());
        }
        return size;
    }

    private static long valueSize(JsonNode value) {
        String type = type(value);
        JsonNode v = value.get(type);
        return switch (type) {
            case "S" -> utf8(v.asText());
            case "N" -> numberSize(v.asText());
            case "B" -> decode(v.asText()).length;
            case "BOOL", "NULL" -> 1;
            case "M" -> {
                long s = 3;
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    s += utf8(e.getKey()) + valueSize(e.getValue()) + 1;
                }
                yield s;
            }
            case "L" -> {
                long s = 3;
                for (JsonNode e : v) {
                    s += valueSize(e) + 1;
                }
                yield s;
            }
            case "SS" -> {
                long s = 0;
                for (JsonNode e : v) {
                    s += utf8(e.asText());
                }
                yield s;
            }
            case "NS" -> {
                long s = 0;
                for (JsonNode e : v) {
                    s += numberSize(e.asText());
                }
                yield s;
            }
            case "BS" -> {
                long s = 0;
                for (JsonNode e : v) {
                    s += decode(e.asText()).length;
                }
                yield s;
            }
            default -> 0;
        };
    }

    /** About one byte per two significant digits, plus one (DynamoDB's documented estimate), at most 21. */
    private static long numberSize(String text) {
        BigDecimal n = parseNumber(text);
        return Math.min(21, 1 + (n.precision() + 1) / 2);
    }

    static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Checks every attribute of an incoming item and answers it in stored form. */
    static ObjectNode normalizeItem(JsonNode item, String what) {
        if (item == null || !item.isObject()) {
            throw DynamoException.validation("One or more parameter values were invalid: " + what
                    + " must be a map of attribute values");
        }
        ObjectNode out = JSON.objectNode();
        item.fields().forEachRemaining(e -> {
            if (e.getKey().isEmpty()) {
                throw DynamoException.validation("One or more parameter values were invalid: An attribute name"
                        + " may not be empty");
            }
            out.set(e.getKey(), normalize(e.getValue()));
        });
        return out;
    }

    static void checkSize(ObjectNode item) {
        if (itemSize(item) > MAX_ITEM_BYTES) {
            throw DynamoException.validation("Item size has exceeded the maximum allowed size");
        }
    }
}
