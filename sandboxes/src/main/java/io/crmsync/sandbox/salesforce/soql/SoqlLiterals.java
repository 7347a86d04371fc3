package io.crmsync.sandbox.salesforce.soql;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.schema.FieldType;
import io.crmsync.sandbox.salesforce.store.FieldValues;
import io.crmsync.sandbox.salesforce.store.SalesforceIds;

/**
 * Types a literal against the field it is compared with, answering INVALID_FIELD (wrong type), MALFORMED_QUERY
 * (bad escape) or INVALID_QUERY_FILTER_OPERATOR (not an Id) the way Salesforce does.
 */
final class SoqlLiterals {

    private final String soql;

    SoqlLiterals(String soql) {
        this.soql = soql;
    }

    Object literal(FieldDef field, Token token, java.util.function.Function<Token, SoqlException> unexpected) {
        FieldType type = field.type();
        switch (token.kind()) {
            case STRING -> {
                requireText(field, token);
                String value = SoqlStrings.decode(token.text(),
                        bad -> SoqlException.at("MALFORMED_QUERY", soql, token.offset(),
                                "Invalid string literal '" + token.text() + "'. Illegal character sequence '" + bad
                                        + "' in string literal."));
                if (type.isIdLike()) {
                    if (!SalesforceIds.looksLikeId(value)) {
                        throw SoqlException.at("INVALID_QUERY_FILTER_OPERATOR", soql, token.offset(),
                                "invalid ID field: " + value);
                    }
                    return SalesforceIds.to18(value);
                }
                return value;
            }
            case NUMBER -> {
                if (!type.isNumeric()) {
                    throw typeMismatch(field, token);
                }
                return new BigDecimal(token.text());
            }
            case DATE -> {
                if (type != FieldType.DATE) {
                    throw typeMismatch(field, token);
                }
                return LocalDate.parse(token.text());
            }
            case DATETIME -> {
                if (type != FieldType.DATETIME) {
                    throw typeMismatch(field, token);
                }
                return FieldValues.parseDateTime(token.text());
            }
            case IDENT -> {
                if (token.isKeyword("NULL")) {
                    return null;
                }
                if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
                    if (type != FieldType.BOOLEAN) {
                        throw typeMismatch(field, token);
                    }
                    return Boolean.parseBoolean(token.text().toLowerCase());
                }
                throw unexpected.apply(token);
            }
            default -> throw unexpected.apply(token);
        }
    }

    void requireText(FieldDef field, Token token) {
        if (!field.type().isText()) {
            throw SoqlException.at("INVALID_FIELD", soql, token.offset(), "value of filter criterion for field '"
                    + field.name() + "' must be of type " + typeName(field.type()) + " and should not be enclosed in quotes");
        }
    }

    private SoqlException typeMismatch(FieldDef field, Token token) {
        String how = field.type().isText() ? " and should be enclosed in quotes" : " and should not be enclosed in quotes";
        return SoqlException.at("INVALID_FIELD", soql, token.offset(), "value of filter criterion for field '"
                + field.name() + "' must be of type " + typeName(field.type()) + how);
    }

    private static String typeName(FieldType type) {
        return switch (type) {
            case INT -> "integer";
            case DOUBLE, CURRENCY, PERCENT -> "double";
            case DATETIME -> "dateTime";
            case DATE -> "date";
            case BOOLEAN -> "boolean";
            default -> "string";
        };
    }

    Pattern likePattern(Token token) {
        return SoqlStrings.likeRegex(token.text(), bad -> SoqlException.at("MALFORMED_QUERY", soql, token.offset(),
                "Invalid string literal '" + token.text() + "'. Illegal character sequence '" + bad
                        + "' in string literal."));
    }

}
