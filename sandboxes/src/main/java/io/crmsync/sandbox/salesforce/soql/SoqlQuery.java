package io.crmsync.sandbox.salesforce.soql;

import java.util.List;
import java.util.regex.Pattern;

import io.crmsync.sandbox.salesforce.schema.FieldDef;
import io.crmsync.sandbox.salesforce.schema.ObjectDef;

/**
 * A parsed, resolved query: fields are the schema's, literals are typed Java values (String, BigDecimal, Boolean,
 * LocalDate, Instant, or null).
 */
public record SoqlQuery(ObjectDef object, List<FieldDef> fields, boolean count, Expr where, List<OrderItem> orderBy,
        Integer limit, Integer offset) {

    public sealed interface Expr {
    }

    /** {@code op} is one of = != < <= > >=. */
    public record Compare(FieldDef field, String op, Object value) implements Expr {
    }

    public record In(FieldDef field, List<Object> values, boolean negated) implements Expr {
    }

    public record Like(FieldDef field, Pattern pattern) implements Expr {
    }

    public record And(List<Expr> parts) implements Expr {
    }

    public record Or(List<Expr> parts) implements Expr {
    }

    public record Not(Expr inner) implements Expr {
    }

    public record OrderItem(FieldDef field, boolean descending, boolean nullsLast) {
    }
}
