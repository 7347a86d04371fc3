package io.crmsync.sync.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * One text form per value, whatever side it came from, so that "1000" (HubSpot) and 1000.00 (Salesforce currency),
 * or "1705276800000" and "2024-01-15" (a HubSpot date as epoch millis), compare equal. The Salesforce field type
 * decides the form. Values that do not parse stay as they are: the write then fails with a property-value error the
 * user can see, instead of crm-sync guessing.
 */
public final class ValueCodec {

    private static final DateTimeFormatter SALESFORCE_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private ValueCodec() {
    }

    /** The comparable text of a value read from either side; null for blank. */
    public static String normalize(Object value, String salesforceType) {
        if (value == null) {
            return null;
        }
        String text = value.toString();
        if (text.isBlank()) {
            return null;
        }
        try {
            return switch (type(salesforceType)) {
                case "int", "double", "currency", "percent", "long" -> new BigDecimal(text.trim()).stripTrailingZeros()
                        .toPlainString();
                case "boolean" -> text.trim().toLowerCase(Locale.ROOT);
                case "date" -> date(text.trim()).toString();
                case "datetime" -> instant(text.trim()).toString();
                default -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            return text;
        }
    }

    /** The value to send Salesforce for a normalized text (null clears the field). */
    public static Object toSalesforce(String normalized, String salesforceType) {
        if (normalized == null) {
            return null;
        }
        try {
            return switch (type(salesforceType)) {
                case "int", "long" -> new BigDecimal(normalized).longValueExact();
                case "double", "currency", "percent" -> new BigDecimal(normalized);
                case "boolean" -> Boolean.valueOf(normalized);
                case "date" -> LocalDate.parse(normalized);
                case "datetime" -> Instant.parse(normalized);
                default -> normalized;
            };
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            return normalized;
        }
    }

    /** The value to send HubSpot: its properties are text, and "" clears one. */
    public static String toHubSpot(String normalized) {
        return normalized == null ? "" : normalized;
    }

    /** Salesforce datetimes ({@code 2024-01-15T10:00:00.000+0000}), ISO instants or epoch millis. */
    public static Instant instant(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text, SALESFORCE_DATETIME).toInstant();
        }
    }

    private static LocalDate date(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(text)).atZone(ZoneOffset.UTC).toLocalDate();
        }
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    private static String type(String salesforceType) {
        return salesforceType == null ? "" : salesforceType.toLowerCase(Locale.ROOT);
    }
}
