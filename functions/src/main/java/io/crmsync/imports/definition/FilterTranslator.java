package io.crmsync.imports.definition;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;
import io.crmsync.salesforce.soql.Condition;
import io.crmsync.salesforce.soql.LikePattern;

/**
 * Turns import filters into a SOQL {@link Condition}, checking each field against the object's describe and each
 * value against the field's type. Values only ever become typed literals (the SOQL builder escapes them), so a
 * hostile value such as {@code x' OR Name != '} is matched literally and can never change the query.
 */
public final class FilterTranslator {

    /** Salesforce caps WHERE strings at 4,000 characters; an IN list this long is a mistake, not a filter. */
    static final int MAX_IN_VALUES = 200;

    private FilterTranslator() {
    }

    /** The AND of all filters, or null when there are none. */
    public static Condition toCondition(List<ImportFilter> filters, Describe describe) {
        List<Condition> parts = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            parts.add(translate(filters.get(i), describe, "filters[" + i + "]"));
        }
        if (parts.isEmpty()) {
            return null;
        }
        return parts.size() == 1 ? parts.get(0) : new Condition.And(parts);
    }

    private static Condition translate(ImportFilter filter, Describe describe, String at) {
        if (filter == null) {
            throw new InvalidImportException("INVALID_FILTER", "A filter must be an object {field, operator, value}.", at);
        }
        if (filter.field() == null || filter.field().isBlank()) {
            throw new InvalidImportException("MISSING_FIELD", "The filter has no field.", at + ".field");
        }
        FieldDescribe field = describe.field(filter.field()).orElseThrow(() -> new InvalidImportException(
                "UNKNOWN_FIELD", "Unknown field '" + filter.field() + "' on " + describe.name() + ".", at + ".field"));
        FilterOperator op = FilterOperator.parse(filter.operator()).orElseThrow(() -> new InvalidImportException(
                "UNKNOWN_OPERATOR", "Unknown operator '" + filter.operator() + "'. Known operators: "
                        + java.util.Arrays.stream(FilterOperator.values()).map(FilterOperator::wireName).toList() + ".",
                at + ".operator"));
        if (!op.appliesTo(field.type())) {
            throw new InvalidImportException("OPERATOR_NOT_VALID_FOR_TYPE", "Operator '" + op.wireName()
                    + "' cannot be used on " + describe.name() + "." + field.name() + " (type " + field.type() + ").",
                    at + ".operator");
        }
        String name = field.name();
        JsonNode value = filter.value();
        return switch (op) {
            case IS_BLANK, IS_NOT_BLANK -> {
                if (value != null && !value.isNull()) {
                    throw new InvalidImportException("UNEXPECTED_VALUE", "Operator '" + op.wireName()
                            + "' takes no value.", at + ".value");
                }
                yield op == FilterOperator.IS_BLANK ? Condition.eq(name, null) : Condition.ne(name, null);
            }
            case EQ -> Condition.eq(name, literal(value, field, at + ".value"));
            case NEQ -> Condition.ne(name, literal(value, field, at + ".value"));
            case LT -> Condition.lt(name, literal(value, field, at + ".value"));
            case LTE -> Condition.le(name, literal(value, field, at + ".value"));
            case GT -> Condition.gt(name, literal(value, field, at + ".value"));
            case GTE -> Condition.ge(name, literal(value, field, at + ".value"));
            case CONTAINS -> Condition.like(name, LikePattern.contains(text(value, field, at + ".value")));
            case STARTS_WITH -> Condition.like(name, LikePattern.startsWith(text(value, field, at + ".value")));
            case IN, NOT_IN -> {
                if (value == null || !value.isArray() || value.isEmpty() || value.size() > MAX_IN_VALUES) {
                    throw new InvalidImportException("INVALID_VALUE", "Operator '" + op.wireName()
                            + "' needs an array of 1 to " + MAX_IN_VALUES + " values.", at + ".value");
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    values.add(literal(value.get(i), field, at + ".value[" + i + "]"));
                }
                yield op == FilterOperator.IN ? Condition.in(name, values) : Condition.notIn(name, values);
            }
        };
    }

    private static String text(JsonNode value, FieldDescribe field, String at) {
        if (value == null || !value.isTextual()) {
            throw wrongType(field, "a string", at);
        }
        return value.asText();
    }

    /** The Java value the SOQL builder renders for this field type; anything else is refused. */
    private static Object literal(JsonNode value, FieldDescribe field, String at) {
        String type = field.type();
        if (value == null || value.isNull()) {
            throw new InvalidImportException("MISSING_VALUE", "This operator needs a value; use is_blank for empty"
                    + " fields.", at);
        }
        if (FilterOperator.TEXT.contains(type) || FilterOperator.IDS.contains(type)) {
            return text(value, field, at);
        }
        switch (type) {
            case "boolean":
                if (!value.isBoolean()) {
                    throw wrongType(field, "true or false", at);
                }
                return value.booleanValue();
            case "int", "double", "currency", "percent", "long":
                if (!value.isNumber()) {
                    throw wrongType(field, "a number", at);
                }
                return new BigDecimal(value.asText());
            case "date":
                try {
                    return LocalDate.parse(text(value, field, at));
                } catch (DateTimeParseException e) {
                    throw wrongType(field, "a date YYYY-MM-DD", at);
                }
            case "datetime":
                try {
                    return OffsetDateTime.parse(text(value, field, at)).toInstant();
                } catch (DateTimeParseException e) {
                    try {
                        return Instant.parse(text(value, field, at));
                    } catch (DateTimeParseException again) {
                        throw wrongType(field, "an ISO-8601 date-time such as 2026-01-31T12:00:00Z", at);
                    }
                }
            default:
                throw new InvalidImportException("FIELD_NOT_FILTERABLE", "Field " + field.name() + " (type " + type
                        + ") cannot be filtered on.", at);
        }
    }

    private static InvalidImportException wrongType(FieldDescribe field, String expected, String at) {
        return new InvalidImportException("INVALID_VALUE", "Field " + field.name() + " is of type " + field.type()
                + "; the value must be " + expected + ".", at);
    }
}
