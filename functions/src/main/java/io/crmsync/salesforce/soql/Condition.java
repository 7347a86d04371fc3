package io.crmsync.salesforce.soql;

import java.util.Arrays;
import java.util.List;

/**
 * A WHERE condition tree. Field names are plain strings here and checked against the describe when the query is
 * rendered; values are typed {@link SoqlLiteral}s. And/Or nest in parentheses, so mixed logic is never ambiguous.
 */
public sealed interface Condition {

    record Compare(String field, Operator op, SoqlLiteral value) implements Condition {
    }

    record In(String field, List<SoqlLiteral> values, boolean negated) implements Condition {
        public In {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value for " + field);
            }
            values = List.copyOf(values);
        }
    }

    record Like(String field, LikePattern pattern) implements Condition {
    }

    record And(List<Condition> parts) implements Condition {
        public And {
            parts = List.copyOf(parts);
        }
    }

    record Or(List<Condition> parts) implements Condition {
        public Or {
            parts = List.copyOf(parts);
        }
    }

    record Not(Condition inner) implements Condition {
    }

    enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }
    }

    static Condition eq(String field, Object value) {
        return new Compare(field, Operator.EQ, SoqlLiteral.of(value));
    }

    static Condition ne(String field, Object value) {
        return new Compare(field, Operator.NE, SoqlLiteral.of(value));
    }

    static Condition lt(String field, Object value) {
        return new Compare(field, Operator.LT, SoqlLiteral.of(value));
    }

    static Condition le(String field, Object value) {
        return new Compare(field, Operator.LE, SoqlLiteral.of(value));
    }

    static Condition gt(String field, Object value) {
        return new Compare(field, Operator.GT, SoqlLiteral.of(value));
    }

    static Condition ge(String field, Object value) {
        return new Compare(field, Operator.GE, SoqlLiteral.of(value));
    }

    static Condition in(String field, List<?> values) {
        return new In(field, values.stream().map(SoqlLiteral::of).toList(), false);
    }

    static Condition notIn(String field, List<?> values) {
        return new In(field, values.stream().map(SoqlLiteral::of).toList(), true);
    }

    static Condition like(String field, LikePattern pattern) {
        return new Like(field, pattern);
    }

    static Condition and(Condition... parts) {
        return new And(Arrays.asList(parts));
    }

    static Condition or(Condition... parts) {
        return new Or(Arrays.asList(parts));
    }

    static Condition not(Condition inner) {
        return new Not(inner);
    }
}
