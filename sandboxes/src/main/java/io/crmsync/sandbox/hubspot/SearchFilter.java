package io.crmsync.sandbox.hubspot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One search filter ({@code propertyName}, {@code operator}, {@code value}/{@code highValue}/{@code values}), compared
 * the way the search API does: numbers and dates numerically (dates as epoch milliseconds), strings
 * case-insensitively, {@code CONTAINS_TOKEN} with {@code *} wildcards.
 */
record SearchFilter(String propertyName, String operator, String value, String highValue, List<String> values) {

    static SearchFilter parse(JsonNode f) {
        String property = f.path("propertyName").asText("");
        String operator = f.path("operator").asText("EQ");
        if (property.isEmpty()) {
            throw SandboxException.validation("Each filter needs a propertyName");
        }
        List<String> values = new ArrayList<>();
        f.path("values").forEach(v -> values.add(v.asText()));
        SearchFilter filter = new SearchFilter(property, operator, f.hasNonNull("value") ? f.get("value").asText() : null,
                f.hasNonNull("highValue") ? f.get("highValue").asText() : null, values);
        switch (operator) {
            case "HAS_PROPERTY", "NOT_HAS_PROPERTY" -> { }
            case "IN", "NOT_IN" -> {
                if (values.isEmpty()) {
                    throw SandboxException.validation("operator " + operator + " needs values");
                }
            }
            case "BETWEEN" -> {
                if (filter.value == null || filter.highValue == null) {
                    throw SandboxException.validation("operator BETWEEN needs value and highValue");
                }
            }
            case "EQ", "NEQ", "LT", "LTE", "GT", "GTE", "CONTAINS_TOKEN", "NOT_CONTAINS_TOKEN" -> {
                if (filter.value == null) {
                    throw SandboxException.validation("operator " + operator + " on " + property + " needs a value");
                }
            }
            default -> throw SandboxException.validation("Unknown operator " + operator);
        }
        return filter;
    }

    boolean matches(ObjectType type, StoredObject o) {
        String actual = o.get(propertyName);
        PropertyDef def = type.properties().get(propertyName);
        boolean numeric = def != null && def.isNumericForComparison();
        return switch (operator) {
            case "HAS_PROPERTY" -> actual != null;
            case "NOT_HAS_PROPERTY" -> actual == null;
            case "EQ" -> actual != null && compare(actual, value, numeric) == 0;
            case "NEQ" -> actual == null || compare(actual, value, numeric) != 0;
            case "LT" -> actual != null && compare(actual, value, numeric) < 0;
            case "LTE" -> actual != null && compare(actual, value, numeric) <= 0;
            case "GT" -> actual != null && compare(actual, value, numeric) > 0;
            case "GTE" -> actual != null && compare(actual, value, numeric) >= 0;
            case "BETWEEN" -> actual != null && compare(actual, value, numeric) >= 0
                    && compare(actual, highValue, numeric) <= 0;
            case "IN" -> actual != null && values.stream().anyMatch(v -> compare(actual, v, numeric) == 0);
            case "NOT_IN" -> actual == null || values.stream().noneMatch(v -> compare(actual, v, numeric) == 0);
            case "CONTAINS_TOKEN" -> actual != null && tokenMatches(actual, value);
            case "NOT_CONTAINS_TOKEN" -> actual == null || !tokenMatches(actual, value);
            default -> false;
        };
    }

    static int compare(String actual, String wanted, boolean numeric) {
        if (numeric) {
            return Double.compare(numericValue(actual), numericValue(wanted));
        }
        return actual.toLowerCase(Locale.ROOT).compareTo(wanted.toLowerCase(Locale.ROOT));
    }

    /** Numbers as themselves, dates and datetimes (ISO or epoch ms) as epoch milliseconds. */
    static double numericValue(String raw) {
        // ISO dates are the common case in sorts and windows; test for them first instead of failing a number parse
        if (raw.length() > 4 && raw.charAt(4) == '-') {
            try {
                return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                        : Instant.parse(raw).toEpochMilli();
            } catch (RuntimeException notADate) {
                throw SandboxException.validation("'" + raw + "' is not a valid date");
            }
        }
        try {
            return Double.parseDouble(raw);
        } catch (NumberFormatException notANumber) {
            throw SandboxException.validation("'" + raw + "' is not a valid number or date");
        }
    }

    private static boolean tokenMatches(String actual, String token) {
        String regex = ("\\Q" + token.toLowerCase(Locale.ROOT) + "\\E").replace("*", "\\E.*\\Q");
        String lower = actual.toLowerCase(Locale.ROOT);
        if (lower.matches(regex)) {
            return true;
        }
        for (String word : lower.split("[\\s@.,;]+")) {
            if (word.matches(regex)) {
                return true;
            }
        }
        return false;
    }
}
