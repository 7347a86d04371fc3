package io.crmsync.salesforce.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A typed SOQL value. Text is quoted through {@link SoqlEscaper}; numbers, booleans, dates and datetimes are
 * unquoted in their SOQL formats. The kind is checked against the field's describe type before rendering.
 */
public sealed interface SoqlLiteral {

    String render();

    /** Which describe types this literal may be compared with. */
    boolean fits(String fieldType);

    record Text(String value) implements SoqlLiteral {
        public Text {
            if (value == null) {
                throw new IllegalArgumentException("Use SoqlLiteral.nullValue() for null");
            }
        }

        public String render() {
            return SoqlEscaper.quote(value);
        }

        public boolean fits(String type) {
            return switch (type) {
                case "id", "string", "textarea", "email", "phone", "url", "picklist", "multipicklist", "reference",
                        "combobox", "encryptedstring" -> true;
                default -> false;
            };
        }
    }

    record Number(BigDecimal value) implements SoqlLiteral {
        public String render() {
            return value.toPlainString();
        }

        public boolean fits(String type) {
            return switch (type) {
                case "int", "double", "currency", "percent", "long" -> true;
                default -> false;
            };
        }
    }

    record Bool(boolean value) implements SoqlLiteral {
        public String render() {
            return value ? "TRUE" : "FALSE";
        }

        public boolean fits(String type) {
            return type.equals("boolean");
        }
    }

    record Date(LocalDate value) implements SoqlLiteral {
        public String render() {
            return value.toString();
        }

        public boolean fits(String type) {
            return type.equals("date");
        }
    }

    record DateTime(Instant value) implements SoqlLiteral {
        private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(ZoneOffset.UTC);

        public String render() {
            return FORMAT.format(value);
        }

        public boolean fits(String type) {
            return type.equals("datetime");
        }
    }

    record Null() implements SoqlLiteral {
        public String render() {
            return "null";
        }

        public boolean fits(String type) {
            return true;
        }
    }

    static SoqlLiteral nullValue() {
        return new Null();
    }

    /** The literal for a Java value; anything else is refused rather than rendered with toString(). */
    static SoqlLiteral of(Object value) {
        if (value == null) {
            return new Null();
        }
        if (value instanceof SoqlLiteral l) {
            return l;
        }
        if (value instanceof String s) {
            return new Text(s);
        }
        if (value instanceof Boolean b) {
            return new Bool(b);
        }
        if (value instanceof BigDecimal d) {
            return new Number(d);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return new Number(BigDecimal.valueOf(((java.lang.Number) value).longValue()));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((java.lang.Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("SOQL has no literal for " + d);
            }
            return new Number(BigDecimal.valueOf(d));
        }
        if (value instanceof LocalDate d) {
            return new Date(d);
        }
        if (value instanceof Instant i) {
            return new DateTime(i);
        }
        if (value instanceof OffsetDateTime o) {
            return new DateTime(o.toInstant());
        }
        throw new IllegalArgumentException("No SOQL literal for a " + value.getClass().getName());
    }
}
