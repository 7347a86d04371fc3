package io.crmsync.salesforce.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.crmsync.salesforce.model.Describe;
import io.crmsync.salesforce.model.FieldDescribe;

/**
 * An immutable SOQL query: {@code Soql.select("Id", "Email").from("Lead").where(Condition.eq("Email", x))}.
 * {@link #render(Describe)} checks every field against the object's describe and every value's type against its
 * field, and renders values only through {@link SoqlEscaper}: there is no way to put raw text into the query.
 */
public record Soql(List<String> fields, boolean countOnly, String sobject, Condition where, List<Order> orderBy,
        Integer limit) {

    public Soql {
        fields = List.copyOf(fields);
        orderBy = List.copyOf(orderBy);
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("LIMIT must not be negative");
        }
    }

    /** ORDER BY one field. */
    public record Order(String field, boolean descending) {
    }

    /** A query being built: fields chosen, object not yet. */
    public record Select(List<String> fields, boolean countOnly) {
        public Soql from(String sobject) {
            return new Soql(fields, countOnly, sobject, null, List.of(), null);
        }
    }

    public static Select select(String... fields) {
        if (fields.length == 0) {
            throw new IllegalArgumentException("SELECT needs at least one field");
        }
        return new Select(List.of(fields), false);
    }

    public static Select select(List<String> fields) {
        return select(fields.toArray(String[]::new));
    }

    public static Select count() {
        return new Select(List.of(), true);
    }

    public Soql where(Condition condition) {
        return new Soql(fields, countOnly, sobject, condition, orderBy, limit);
    }

    public Soql orderBy(String field) {
        return orderBy(field, false);
    }

    public Soql orderBy(String field, boolean descending) {
        List<Order> order = new ArrayList<>(orderBy);
        order.add(new Order(field, descending));
        return new Soql(fields, countOnly, sobject, where, order, limit);
    }

    public Soql limit(int n) {
        return new Soql(fields, countOnly, sobject, where, orderBy, n);
    }

    /** The query text, with field names in their describe spelling. */
    public String render(Describe describe) {
        if (!describe.name().equalsIgnoreCase(sobject)) {
            throw new SoqlValidationException("The describe is of " + describe.name() + ", the query is FROM " + sobject);
        }
        StringBuilder q = new StringBuilder("SELECT ");
        q.append(countOnly ? "COUNT()" : fields.stream().map(f -> field(describe, f).name()).collect(Collectors.joining(", ")));
        q.append(" FROM ").append(describe.name());
        if (where != null) {
            q.append(" WHERE ").append(condition(describe, where));
        }
        if (!orderBy.isEmpty()) {
            q.append(" ORDER BY ").append(orderBy.stream()
                    .map(o -> field(describe, o.field()).name() + (o.descending() ? " DESC" : " ASC"))
                    .collect(Collectors.joining(", ")));
        }
        if (limit != null) {
            q.append(" LIMIT ").append(limit);
        }
        return q.toString();
    }

    private static String condition(Describe d, Condition c) {
        if (c instanceof Condition.Compare cmp) {
            FieldDescribe f = field(d, cmp.field());
            checkType(d, f, cmp.value());
            if (cmp.value() instanceof SoqlLiteral.Null && cmp.op() != Condition.Operator.EQ
                    && cmp.op() != Condition.Operator.NE) {
                throw new SoqlValidationException("Only = and != compare with null (field " + f.name() + ")");
            }
            return f.name() + " " + cmp.op().symbol + " " + cmp.value().render();
        }
        if (c instanceof Condition.In in) {
            FieldDescribe f = field(d, in.field());
            in.values().forEach(v -> checkType(d, f, v));
            return f.name() + (in.negated() ? " NOT IN (" : " IN (")
                    + in.values().stream().map(SoqlLiteral::render).collect(Collectors.joining(", ")) + ")";
        }
        if (c instanceof Condition.Like like) {
            FieldDescribe f = field(d, like.field());
            checkType(d, f, new SoqlLiteral.Text(""));
            return f.name() + " LIKE " + like.pattern().render();
        }
        if (c instanceof Condition.Not not) {
            return "NOT (" + condition(d, not.inner()) + ")";
        }
        List<Condition> parts = c instanceof Condition.And and ? and.parts() : ((Condition.Or) c).parts();
        if (parts.isEmpty()) {
            throw new SoqlValidationException("An empty " + c.getClass().getSimpleName() + " has no meaning");
        }
        String joiner = c instanceof Condition.And ? " AND " : " OR ";
        return parts.stream().map(p -> "(" + condition(d, p) + ")").collect(Collectors.joining(joiner));
    }

    private static FieldDescribe field(Describe d, String name) {
        Optional<FieldDescribe> f = name == null ? Optional.empty() : d.field(name);
        return f.orElseThrow(() -> new SoqlValidationException("No field '" + name + "' on " + d.name()
                + " (checked against its describe)"));
    }

    private static void checkType(Describe d, FieldDescribe f, SoqlLiteral value) {
        if (!value.fits(f.type())) {
            throw new SoqlValidationException(d.name() + "." + f.name() + " is of type " + f.type()
                    + " and cannot be compared with a " + value.getClass().getSimpleName() + " value");
        }
    }
}
