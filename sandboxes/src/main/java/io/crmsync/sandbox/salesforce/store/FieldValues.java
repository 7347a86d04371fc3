package io.crmsync.sandbox.salesforce.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import io.crmsync.sandbox.salesforce.schema.FieldDef;

/**
 * Converts field values between JSON and the typed Java values the store keeps: String, Boolean, Long (int),
 * BigDecimal (double, currency, percent), LocalDate and Instant. Rejects what Salesforce rejects, with its codes.
 */
public final class FieldValues {

    /** Salesforce writes datetimes as {@code 2024-01-15T10:00:00.000+0000}. */
    public static final DateTimeFormatter DATETIME_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATETIME_IN = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FieldValues() {
    }

    public static Object fromJson(FieldDef field, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return switch (field.type()) {
                case BOOLEAN -> {
                    if (!node.isBoolean()) {
                        throw jsonError(field, node, "boolean");
                    }
                    yield node.booleanValue();
                }
                case INT -> {
                    if (!node.isIntegralNumber() && !(node.isTextual() && node.asText().matches("-?\\d+"))) {
                        throw jsonError(field, node, "int");
                    }
                    yield node.isTextual() ? Long.parseLong(node.asText()) : node.longValue();
                }
                case DOUBLE, CURRENCY, PERCENT -> {
                    if (node.isNumber()) {
                        yield node.decimalValue();
                    }
                    if (node.isTextual()) {
                        yield new BigDecimal(node.asText());
                    }
                    throw jsonError(field, node, "double");
                }
                case DATE -> LocalDate.parse(text(field, node));
                case DATETIME -> parseDateTime(text(field, node));
                default -> textValue(field, text(field, node));
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw jsonError(field, node, field.type().apiName());
        }
    }

    public static Instant parseDateTime(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        var parsed = DATETIME_IN.parseBest(value, OffsetDateTime::from, java.time.LocalDateTime::from);
        return parsed instanceof OffsetDateTime odt ? odt.toInstant()
                : ((java.time.LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    public static JsonNode toJson(Object value) {
        if (value == null) {
            return JSON.nullNode();
        }
        if (value instanceof String s) {
            return JSON.textNode(s);
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof BigDecimal d) {
            return JSON.numberNode(d);
        }
        if (value instanceof LocalDate d) {
            return JSON.textNode(d.toString());
        }
        if (value instanceof Instant i) {
            return JSON.textNode(DATETIME_OUT.format(i));
        }
        throw new IllegalStateException("No JSON form for " + value.getClass());
    }

    private static String textValue(FieldDef field, String value) {
        if (field.length() > 0 && value.length() > field.length()) {
            throw new WriteError("STRING_TOO_LONG", field.label() + ": data value too large: "
                    + abbreviate(value) + " (max length=" + field.length() + ")", List.of(field.name())).toException();
        }
        switch (field.type()) {
            case EMAIL -> {
                if (!value.isEmpty() && !EMAIL.matcher(value).matches()) {
                    throw new WriteError("INVALID_EMAIL_ADDRESS", field.label() + ": invalid email address: "
                            + abbreviate(value), List.of(field.name())).toException();
                }
            }
            case REFERENCE, ID -> {
                if (!SalesforceIds.looksLikeId(value)) {
                    throw new WriteError("MALFORMED_ID", field.label() + ": id value of incorrect type: "
                            + abbreviate(value), List.of(field.name())).toException();
                }
                return SalesforceIds.to18(value);
            }
            default -> {
            }
        }
        // Salesforce stores an empty string as null.
        return value.isEmpty() ? null : value;
    }

    private static String text(FieldDef field, JsonNode node) {
        if (!node.isTextual()) {
            throw jsonError(field, node, field.type().apiName());
        }
        return node.asText();
    }

    private static RuntimeException jsonError(FieldDef field, JsonNode node, String expected) {
        return new WriteError("JSON_PARSER_ERROR", "Cannot deserialize instance of " + expected + " from "
                + node.getNodeType() + " value " + abbreviate(node.toString()) + " for field " + field.name(),
                List.of(field.name())).toException();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
